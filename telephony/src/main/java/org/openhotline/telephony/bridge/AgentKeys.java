package org.openhotline.telephony.bridge;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.openhotline.telephony.rtp.MediaListener;

/**
 * An agent's keypad on a bridged call: {@code *3} brings the group's leader in. Keys arrive on the media clock thread,
 * which sends every call's audio, so the dialling happens on a virtual thread of its own.
 */
final class AgentKeys implements MediaListener {
    private final BooleanSupplier active;
    private final Supplier<Runnable> bringLeader;
    private char last;

    /** @param active whether the keys count now (this leg still talks, no leader yet) */
    AgentKeys(BooleanSupplier active, Supplier<Runnable> bringLeader) {
        this.active = active;
        this.bringLeader = bringLeader;
    }

    @Override
    public void onDtmf(char key) {
        if (last == '*' && key == '3' && active.getAsBoolean()) Thread.ofVirtual().name("bring-leader").start(bringLeader.get());
        last = key;
    }
}
