package org.openhotline.bot.hours;

class InMemorySpecialDayStoreTest extends SpecialDayStoreContract {
    private final InMemorySpecialDayStore store = new InMemorySpecialDayStore();

    @Override
    SpecialDayStore store() {
        return store;
    }
}
