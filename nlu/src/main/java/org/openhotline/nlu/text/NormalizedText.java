package org.openhotline.nlu.text;

/** A message as the citizen wrote it beside the form the rest of the pipeline reads; both are kept for audit. */
public record NormalizedText(String original, String normalized, boolean truncated) {
    public boolean isBlank() {
        return normalized.isBlank();
    }
}
