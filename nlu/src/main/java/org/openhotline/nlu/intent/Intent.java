package org.openhotline.nlu.intent;

/**
 * One intent found in a message with a calibrated score in [0, 1]: at 0.5 or above the intent is taken as
 * present, so a caller can act on several at once ("谢谢，再见" carries both thanks and goodbye).
 */
public record Intent(String name, double score) {
    public static final double PRESENT = 0.5;

    public Intent {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("intent name is required");
        if (Double.isNaN(score) || score < 0 || score > 1) throw new IllegalArgumentException("score outside [0, 1]: " + score);
    }

    public boolean isPresent() {
        return score >= PRESENT;
    }
}
