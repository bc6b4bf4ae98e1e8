package org.openhotline.desk.presence;

/** An agent's availability. Only ONLINE agents are offered chats; WRAP_UP returns to ONLINE by itself. */
public enum Presence {
    ONLINE,
    /** Working, no new chats (set by the agent). */
    BUSY,
    AWAY,
    /** After a chat ended, for {@code desk.wrap-up-seconds}: notes time, no new chats. */
    WRAP_UP,
    OFFLINE;

    public boolean takesChats() {
        return this == ONLINE;
    }
}
