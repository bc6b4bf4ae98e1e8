package org.openhotline.kb.index.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A tokenizer that needs the whole text at once (segmentation, syllable bigrams). It reads the input
 * up to {@link #MAX_CHARS} on the first call, then hands out tokens; questions are short, and an answer
 * longer than that is not worth indexing word by word.
 */
abstract class WholeInputTokenizer extends Tokenizer {
    static final int MAX_CHARS = 20_000;

    protected final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private boolean started;
    private int length;

    /** Called once per input with the text read. */
    protected abstract void start(String text);

    /** Fills the attributes with the next token; false at the end. Attributes are already cleared. */
    protected abstract boolean next();

    @Override
    public final boolean incrementToken() throws IOException {
        clearAttributes();
        if (!started) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[1024];
            for (int n; (n = input.read(buf)) > 0 && sb.length() < MAX_CHARS; ) sb.append(buf, 0, n);
            String text = sb.length() > MAX_CHARS ? sb.substring(0, MAX_CHARS) : sb.toString();
            length = text.length();
            started = true;
            start(text);
        }
        return next();
    }

    /** Sets the offset attribute from offsets in the text read. */
    protected final void setOffset(int start, int end) {
        offset.setOffset(correctOffset(start), correctOffset(end));
    }

    @Override
    public final void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offset.setOffset(end, end);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        started = false;
        length = 0;
    }
}
