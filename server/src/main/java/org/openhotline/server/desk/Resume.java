package org.openhotline.server.desk;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what a reconnecting browser says it holds: {@code chatA:12,chatB:3} (at most 50 chats; junk is ignored). */
final class Resume {
    static final int MAX_CHATS = 50;

    private Resume() {}

    static Map<String, Long> parse(String s) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (s == null || s.isBlank()) return out;
        for (String part : s.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || out.size() >= MAX_CHATS) continue;
            long seq = number(part.substring(colon + 1));
            String chat = part.substring(0, colon).strip();
            if (!chat.isEmpty() && chat.length() <= 100) out.put(chat, seq);
        }
        return out;
    }

    /** A non-negative number, 0 for anything else. */
    static long number(String s) {
        if (s == null) return 0;
        try {
            return Math.max(0, Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
