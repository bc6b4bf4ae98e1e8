package org.openhotline.bot.handoff;

/** What the citizen gets from people: a live agent now, or a reply to a message / a call back later. */
public enum HandoffKind {
    TRANSFER,
    MESSAGE,
    CALLBACK;

    public String wireName() {
        return name().toLowerCase();
    }
}
