package org.openhotline.nlu.sensitive;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking one message. When {@code blocked}, nothing is delivered: inbound the citizen
 * gets {@code reply}, outbound the agent reads {@link #reason()}; {@code text} is then the masked form
 * for display and audit. Otherwise {@code text} is what to deliver (original, or with MASK hits masked).
 */
public record SensitiveResult(Direction direction, List<SensitiveHit> hits, String text, boolean blocked, String reply) {
    public static final char MASK_CHAR = '＊';

    public SensitiveResult {
        hits = List.copyOf(hits);
    }

    public boolean clean() {
        return hits.isEmpty();
    }

    /** Hits whose action is BLOCK, in text order. */
    public List<SensitiveHit> blockingHits() {
        return hits.stream().filter(h -> h.action() == Action.BLOCK).toList();
    }

    /** How many hits of {@code category}; the abuse count feeds the transfer and blacklist policy. */
    public int count(Category category) {
        int n = 0;
        for (SensitiveHit h : hits) if (h.category() == category) n++;
        return n;
    }

    public Map<Category, Integer> counts() {
        Map<Category, Integer> m = new EnumMap<>(Category.class);
        for (SensitiveHit h : hits) m.merge(h.category(), 1, Integer::sum);
        return m;
    }

    /** For the agent: which words stopped the message and why, or null when it was not blocked. */
    public String reason() {
        if (!blocked) return null;
        StringBuilder sb = new StringBuilder("消息未发送，含有敏感词：");
        List<SensitiveHit> b = blockingHits();
        for (int i = 0; i < b.size() && i < 10; i++) {
            SensitiveHit h = b.get(i);
            if (i > 0) sb.append("；");
            sb.append('「').append(h.word()).append("」(").append(h.category().wireName()).append(", ")
                    .append(h.mode().name().toLowerCase(java.util.Locale.ROOT)).append(", 位置 ").append(h.start()).append('-').append(h.end()).append(')');
        }
        if (b.size() > 10) sb.append(" 等 ").append(b.size()).append(" 处");
        return sb.toString();
    }
}
