package org.openhotline.kb.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.openhotline.nlu.pinyin.PinyinConverter;

/** The analyzer of the pinyin field; see {@link PinyinBigramTokenizer}. */
public final class PinyinAnalyzer extends Analyzer {
    private final PinyinConverter pinyin;

    public PinyinAnalyzer(PinyinConverter pinyin) {
        this.pinyin = pinyin;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        PinyinBigramTokenizer source = new PinyinBigramTokenizer(pinyin);
        return new TokenStreamComponents(source);
    }
}
