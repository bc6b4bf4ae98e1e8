package org.openhotline.desk.group;

/** How a skill group picks among its free agents. */
public enum RoutingStrategy {
    ROUND_ROBIN,
    /** Fewest active chats (relative to the agent's maximum), ties to the longest idle. */
    LEAST_BUSY,
    /** The agent whose last chat ended longest ago. */
    LONGEST_IDLE;

    public static RoutingStrategy fromWire(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
