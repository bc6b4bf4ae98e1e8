package org.openhotline.desk;

/**
 * How long a chat message and an agent's wrap-up notes may be, stated once for the desk and the HTTP layer in front
 * of it (they had said 4,000 and 2,000, so the desk's figure could never be reached and nobody knew which held).
 */
public final class TextLimits {
    /** Characters in one chat message, the citizen's or the agent's; longer relayed citizen text is cut here. */
    public static final int MESSAGE_CHARS = 2_000;
    /** Characters of a chat's wrap-up notes. */
    public static final int NOTES_CHARS = 2_000;

    private TextLimits() {}
}
