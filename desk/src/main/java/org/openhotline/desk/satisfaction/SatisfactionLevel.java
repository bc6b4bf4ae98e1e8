package org.openhotline.desk.satisfaction;

import java.util.Optional;

/** The five levels buyers ask for, 5 best. A citizen may reply the number or the words. */
public enum SatisfactionLevel {
    VERY_DISSATISFIED(1, "非常不满意"),
    DISSATISFIED(2, "不满意"),
    NEUTRAL(3, "一般"),
    SATISFIED(4, "满意"),
    VERY_SATISFIED(5, "非常满意");

    private final int score;
    private final String label;

    SatisfactionLevel(int score, String label) {
        this.score = score;
        this.label = label;
    }

    public int score() {
        return score;
    }

    public String label() {
        return label;
    }

    public static SatisfactionLevel of(int score) {
        for (SatisfactionLevel l : values()) if (l.score == score) return l;
        throw new IllegalArgumentException("satisfaction level must be 1..5, was " + score);
    }

    /** "1".."5", "５", or the label (longest label first: "非常满意" before "满意"). */
    public static Optional<SatisfactionLevel> parse(String reply) {
        if (reply == null) return Optional.empty();
        String t = reply.strip().replaceAll("[。.!！\\s]", "");
        if (t.length() == 1) {
            char c = t.charAt(0);
            if (c >= '１' && c <= '５') c = (char) ('1' + (c - '１'));
            if (c >= '1' && c <= '5') return Optional.of(of(c - '0'));
        }
        for (SatisfactionLevel l : new SatisfactionLevel[] {VERY_DISSATISFIED, VERY_SATISFIED, DISSATISFIED, SATISFIED, NEUTRAL}) {
            if (t.equals(l.label)) return Optional.of(l);
        }
        return Optional.empty();
    }
}
