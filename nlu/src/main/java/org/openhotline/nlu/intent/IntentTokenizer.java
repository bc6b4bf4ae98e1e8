package org.openhotline.nlu.intent;

import java.util.List;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.segment.Token;

/** Turns a normalised message into the word array the categorizers read, with the project's own segmenter. */
final class IntentTokenizer {
    private final Segmenter segmenter;

    IntentTokenizer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    String[] tokens(String text) {
        return words(segmenter.segment(text));
    }

    static String[] words(List<Token> tokens) {
        String[] out = new String[tokens.size()];
        for (int i = 0; i < out.length; i++) out[i] = tokens.get(i).word();
        return out;
    }
}
