package org.openhotline.kb.index.analysis;

import java.util.List;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openhotline.nlu.pinyin.PinyinConverter;

/**
 * Emits fuzzy toneless pinyin bigrams ("yi_bao", "bao_xiao") of the whole input, so that a question
 * recognised from speech with homophone errors still meets the written one. Bigrams rather than
 * words: a homophone error often changes how HanLP segments the sentence, but never its syllables.
 * Offsets span the characters the two syllables were read from, as the TokenStream contract requires.
 */
public final class PinyinBigramTokenizer extends WholeInputTokenizer {
    private final PinyinConverter pinyin;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private List<PinyinConverter.Syllable> syllables;
    private int next;

    public PinyinBigramTokenizer(PinyinConverter pinyin) {
        this.pinyin = pinyin;
    }

    @Override
    protected void start(String text) {
        syllables = pinyin.spans(text).stream()
                .map(s -> new PinyinConverter.Syllable(PinyinConverter.fuzzy(s.text()), s.start(), s.end()))
                .toList();
        next = 0;
    }

    @Override
    protected boolean next() {
        if (syllables.size() == 1 && next == 0) { // a one-syllable text is its own token
            PinyinConverter.Syllable only = syllables.get(0);
            term.setEmpty().append(only.text());
            setOffset(only.start(), only.end());
            next = 1;
            return true;
        }
        if (next + 1 >= syllables.size()) return false;
        PinyinConverter.Syllable a = syllables.get(next), b = syllables.get(next + 1);
        term.setEmpty().append(a.text()).append('_').append(b.text());
        setOffset(a.start(), b.end());
        next++;
        return true;
    }
}
