package org.openhotline.nlu.sensitive;

/** What the filter does with a message that contains a word of a category, from least to most severe. */
public enum Action {
    /** Deliver unchanged, but record the hit for review and counters. */
    FLAG,
    /** Deliver with every character of the hit replaced by ＊. */
    MASK,
    /** Do not deliver; inbound the citizen gets the configured reply, outbound the agent is told why. */
    BLOCK
}
