package org.openhotline.kb.index.analysis;

import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Segmenter;

public class QuestionAnalyzerTest extends BaseTokenStreamTestCase {
    private QuestionAnalyzer analyzer;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        DomainLexicon lexicon = DomainLexicon.bundled();
        analyzer = new QuestionAnalyzer(new Segmenter(lexicon.domainWords()), lexicon);
    }

    @Override
    public void tearDown() throws Exception {
        analyzer.close();
        super.tearDown();
    }

    public void testSynonymsAreFoldedToTheIndexedForm() throws Exception {
        assertAnalyzesTo(analyzer, "社会保障卡怎么补办",
                new String[] {"社保卡", "怎么", "补办"},
                new int[] {0, 5, 7}, new int[] {5, 7, 9});
        assertAnalyzesTo(analyzer, "住房公积金怎么取出来", new String[] {"公积金", "怎么", "提取"});
    }

    public void testStopwordsAreRemovedLeavingPositionGaps() throws Exception {
        assertAnalyzesTo(analyzer, "请问一下我想咨询医保报销的材料",
                new String[] {"医保", "报销", "材料"},
                new int[] {8, 10, 13}, new int[] {10, 12, 15},
                new int[] {6, 1, 2});
    }

    public void testDomainWordsStayWhole() throws Exception {
        assertAnalyzesTo(analyzer, "在外地就医能报销吗",
                new String[] {"在", "异地就医", "能", "报销"},
                new int[] {0, 1, 5, 6}, new int[] {1, 5, 6, 8});
        assertAnalyzesTo(analyzer, "12345热线", new String[] {"12345", "热线"});
    }

    public void testPunctuationIsNotIndexed() throws Exception {
        assertAnalyzesTo(analyzer, "医保，报销？", new String[] {"医保", "报销"}, new int[] {0, 3}, new int[] {2, 5});
    }

    public void testEmptyInput() throws Exception {
        assertAnalyzesTo(analyzer, "", new String[0]);
        assertAnalyzesTo(analyzer, "的吗", new String[0]);
    }

    public void testRandomStrings() throws Exception {
        // the Lucene contract (reset/end/close, offsets, reuse) on random text, CJK included
        checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
    }
}
