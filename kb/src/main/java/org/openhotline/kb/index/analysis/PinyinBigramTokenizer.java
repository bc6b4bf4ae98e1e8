package org.openhotline.kb.index.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.openhotline.nlu.pinyin.PinyinConverter;

/**
 * Emits fuzzy toneless pinyin bigrams ("yi_bao", "bao_xiao") of the whole input, so that a question
 * recognised from speech with homophone errors still meets the written one. Bigrams rather than
 * words: a homophone error often changes how HanLP segments the sentence, but never its syllables.
 */
public final class PinyinBigramTokenizer extends Tokenizer {
    private final PinyinConverter pinyin;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private List<String> syllables;
    private int next;

    public PinyinBigramTokenizer(PinyinConverter pinyin) {
        this.pinyin = pinyin;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (syllables == null) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[512];
            for (int n; (n = input.read(buf)) > 0 && sb.length() < HanLpTokenizer.MAX_CHARS; ) sb.append(buf, 0, n);
            syllables = pinyin.syllables(sb.toString()).stream().map(PinyinConverter::fuzzy).toList();
            next = 0;
        }
        if (syllables.size() == 1 && next == 0) {
            term.setEmpty().append(syllables.get(0));
            next = 1;
            return true;
        }
        if (next + 1 >= syllables.size()) return false;
        term.setEmpty().append(syllables.get(next)).append('_').append(syllables.get(next + 1));
        offset.setOffset(next, next + 2); // positions in syllables; the field is never highlighted
        next++;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        syllables = null;
        next = 0;
    }
}
