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

    /** "1".."5", "５", "5分", or the label: the bot's reading of a rating reply, so channels and the desk agree. */
    public static Optional<SatisfactionLevel> parse(String reply) {
        java.util.OptionalInt l = org.openhotline.bot.handoff.RatingTurn.level(reply);
        return l.isPresent() ? Optional.of(of(l.getAsInt())) : Optional.empty();
    }
}
