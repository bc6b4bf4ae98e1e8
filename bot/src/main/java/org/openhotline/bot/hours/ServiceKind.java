package org.openhotline.bot.hours;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which human service the hours are for; a group may staff its phones longer than its chat, and stop handoffs early. */
public enum ServiceKind {
    /** Agents answering in the web or WeChat chat. */
    CHAT,
    /** Agents taking calls. */
    PHONE,
    /** The bot passing a conversation to an agent (may end before the agents leave, so no one is handed over at 17:29). */
    HANDOFF;

    /** The configuration key: chat, phone, handoff. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with configuration key {@code key}; IllegalArgumentException naming the known keys otherwise. */
    public static ServiceKind fromKey(String key) {
        for (ServiceKind k : values()) if (k.key().equals(key)) return k;
        throw new IllegalArgumentException("unknown service kind '" + key + "'; known: "
                + Arrays.stream(values()).map(ServiceKind::key).collect(Collectors.joining(", ")));
    }
}
