package org.openhotline.kb.index.analysis;

import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.openhotline.nlu.pinyin.PinyinConverter;

public class PinyinAnalyzerTest extends BaseTokenStreamTestCase {
    private PinyinAnalyzer analyzer;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        analyzer = new PinyinAnalyzer(new PinyinConverter());
    }

    @Override
    public void tearDown() throws Exception {
        analyzer.close();
        super.tearDown();
    }

    public void testSyllableBigrams() throws Exception {
        assertAnalyzesTo(analyzer, "医保报销",
                new String[] {"yi_bao", "bao_bao", "bao_xiao"},
                new int[] {0, 1, 2}, new int[] {2, 3, 4});
    }

    public void testHomophoneMeetsTheWrittenForm() throws Exception {
        // ASR writes 一保 for 医保: same bigrams
        assertAnalyzesTo(analyzer, "一保怎么报销",
                new String[] {"yi_bao", "bao_zen", "zen_me", "me_bao", "bao_xiao"});
    }

    public void testFuzzySyllables() throws Exception {
        // she→se, zhang→zan; 社会保障卡 and 色会保赞卡 index alike
        assertAnalyzesTo(analyzer, "社会保障卡",
                new String[] {"se_hui", "hui_bao", "bao_zan", "zan_ka"});
    }

    public void testLatinRunsAndPunctuation() throws Exception {
        assertAnalyzesTo(analyzer, "12345热线",
                new String[] {"12345_re", "re_xian"},
                new int[] {0, 5}, new int[] {6, 7});
        assertAnalyzesTo(analyzer, "医保，报销", new String[] {"yi_bao", "bao_bao", "bao_xiao"},
                new int[] {0, 1, 3}, new int[] {2, 4, 5});
    }

    public void testSingleSyllableIsItsOwnToken() throws Exception {
        assertAnalyzesTo(analyzer, "医", new String[] {"yi"}, new int[] {0}, new int[] {1});
    }

    public void testEmptyInput() throws Exception {
        assertAnalyzesTo(analyzer, "", new String[0]);
        assertAnalyzesTo(analyzer, "？！", new String[0]);
    }

    public void testRandomStrings() throws Exception {
        checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
    }
}
