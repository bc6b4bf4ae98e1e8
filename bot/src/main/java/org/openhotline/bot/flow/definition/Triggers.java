package org.openhotline.bot.flow.definition;

import java.util.List;

/**
 * When a message starts a flow: it contains one of {@code phrases}, or every word of one of {@code allOf}
 * groups, and none of {@code unless} (words that make it a question about the matter, e.g. 电话 in
 * 投诉电话是多少, which the FAQ answers). Matched on the normalised text (lower case, half-width).
 */
public record Triggers(List<String> phrases, List<List<String>> allOf, List<String> unless) {
    public Triggers {
        phrases = List.copyOf(phrases);
        allOf = allOf.stream().map(List::copyOf).toList();
        unless = List.copyOf(unless);
    }

    /** How strongly the text matches: the length of the longest phrase or group matched, 0 for none. */
    public int match(String normalized) {
        for (String u : unless) if (normalized.contains(u)) return 0;
        int best = 0;
        for (String p : phrases) if (normalized.contains(p)) best = Math.max(best, p.length());
        for (List<String> group : allOf) {
            if (group.stream().allMatch(normalized::contains)) best = Math.max(best, group.stream().mapToInt(String::length).sum());
        }
        return best;
    }
}
