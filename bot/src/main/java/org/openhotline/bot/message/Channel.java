package org.openhotline.bot.message;

import java.time.Duration;

/**
 * Where a message came from. The bot never sees protocols, only these names and what each channel can
 * render: a voice caller cannot tap a button, and WeChat retries a callback that takes over five seconds.
 */
public enum Channel {
    WEB(true, true, false, Duration.ofSeconds(10)),
    WECHAT(false, false, false, Duration.ofSeconds(4)),
    VOICE(false, false, true, Duration.ofSeconds(2)),
    API(true, true, false, Duration.ofSeconds(10));

    private final boolean richText;
    private final boolean buttons;
    private final boolean voiceOnly;
    private final Duration replyBudget;

    Channel(boolean richText, boolean buttons, boolean voiceOnly, Duration replyBudget) {
        this.richText = richText;
        this.buttons = buttons;
        this.voiceOnly = voiceOnly;
        this.replyBudget = replyBudget;
    }

    public boolean richText() {
        return richText;
    }

    /** Whether options can be shown as tappable buttons; otherwise they are numbered in the text. */
    public boolean buttons() {
        return buttons;
    }

    /** Whether everything must be said: no links, no lists longer than a caller can remember. */
    public boolean voiceOnly() {
        return voiceOnly;
    }

    /** How long the channel waits for a reply before it times out or retries. */
    public Duration replyBudget() {
        return replyBudget;
    }

    public String wireName() {
        return name().toLowerCase();
    }

    public static Channel fromWire(String name) {
        for (Channel c : values()) if (c.wireName().equalsIgnoreCase(name)) return c;
        throw new IllegalArgumentException("unknown channel '" + name + "'; known: web, wechat, voice, api");
    }
}
