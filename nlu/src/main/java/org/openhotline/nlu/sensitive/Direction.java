package org.openhotline.nlu.sensitive;

/** Which way a message travels; the two directions have separate policies because the risks differ. */
public enum Direction {
    /** Citizen → bot or agent. */
    INBOUND,
    /** Bot answer or agent reply → citizen. */
    OUTBOUND
}
