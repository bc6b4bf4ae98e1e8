package org.openhotline.kb.index.analysis;

import java.util.Iterator;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.segment.Token;

/** A Lucene tokenizer over HanLP words (punctuation dropped); the part of speech is the token type. */
public final class HanLpTokenizer extends WholeInputTokenizer {
    private final Segmenter segmenter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private Iterator<Token> tokens;

    public HanLpTokenizer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    protected void start(String text) {
        tokens = segmenter.segment(text).iterator();
    }

    @Override
    protected boolean next() {
        while (tokens.hasNext()) {
            Token t = tokens.next();
            if (t.isPunctuation() || t.word().isBlank()) continue;
            term.setEmpty().append(t.word());
            setOffset(t.start(), t.end());
            type.setType(t.nature());
            return true;
        }
        return false;
    }
}
