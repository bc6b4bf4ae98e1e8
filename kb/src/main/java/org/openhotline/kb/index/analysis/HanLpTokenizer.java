package org.openhotline.kb.index.analysis;

import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.segment.Token;

/**
 * A Lucene tokenizer over HanLP words. Questions are short, so the whole input is read and segmented
 * at once (capped at {@link #MAX_CHARS}, beyond which an answer text is not worth indexing word by word).
 */
public final class HanLpTokenizer extends Tokenizer {
    static final int MAX_CHARS = 20_000;

    private final Segmenter segmenter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private Iterator<Token> tokens;
    private int length;

    public HanLpTokenizer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (tokens == null) {
            String text = readAll();
            length = text.length();
            tokens = segmenter.segment(text).iterator();
        }
        while (tokens.hasNext()) {
            Token t = tokens.next();
            if (t.isPunctuation() || t.word().isBlank()) continue;
            term.setEmpty().append(t.word());
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            type.setType(t.nature());
            return true;
        }
        return false;
    }

    private String readAll() throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1024];
        for (int n; (n = input.read(buf)) > 0 && sb.length() < MAX_CHARS; ) sb.append(buf, 0, n);
        return sb.length() > MAX_CHARS ? sb.substring(0, MAX_CHARS) : sb.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offset.setOffset(end, end);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        tokens = null;
        length = 0;
    }
}
