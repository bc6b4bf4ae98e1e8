package org.openhotline.voice.asr;

import java.util.List;

/**
 * What was heard: {@code text} (words separated by spaces, lower case for English), whether the utterance is
 * {@code complete} (final) or still a partial hypothesis, and a {@code confidence} in [0, 1] — the mean word
 * confidence for final results, 0 for partials (the recogniser does not score them). {@code words} holds each
 * final word with its own confidence and timing, for repair of single misheard words.
 */
public record RecognitionResult(String text, boolean complete, double confidence, List<Word> words) {

    public RecognitionResult {
        text = text == null ? "" : text.strip();
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static RecognitionResult partial(String text) {
        return new RecognitionResult(text, false, 0, List.of());
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** One recognised word with its confidence and its start/end in seconds from the session's start. */
    public record Word(String word, double confidence, double startSeconds, double endSeconds) {}
}
