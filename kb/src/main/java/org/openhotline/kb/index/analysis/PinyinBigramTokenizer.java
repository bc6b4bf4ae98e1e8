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
 * Offsets span the characters the two syllables were read from, as the TokenStream contract requires.
 */
public final class PinyinBigramTokenizer extends Tokenizer {
    private final PinyinConverter pinyin;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private List<PinyinConverter.Syllable> syllables;
    private int next;
    private int length;

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
            length = sb.length();
            syllables = pinyin.spans(sb.toString()).stream()
                    .map(s -> new PinyinConverter.Syllable(PinyinConverter.fuzzy(s.text()), s.start(), s.end()))
                    .toList();
            next = 0;
        }
        if (syllables.size() == 1 && next == 0) {
            PinyinConverter.Syllable only = syllables.get(0);
            term.setEmpty().append(only.text());
            offset.setOffset(correctOffset(only.start()), correctOffset(only.end()));
            next = 1;
            return true;
        }
        if (next + 1 >= syllables.size()) return false;
        PinyinConverter.Syllable a = syllables.get(next), b = syllables.get(next + 1);
        term.setEmpty().append(a.text()).append('_').append(b.text());
        offset.setOffset(correctOffset(a.start()), correctOffset(b.end()));
        next++;
        return true;
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
        syllables = null;
        next = 0;
        length = 0;
    }
}
