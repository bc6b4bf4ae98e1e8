package org.openhotline.kb.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Segmenter;

/**
 * Words of a question as BM25 should see them: HanLP segmentation with the domain dictionary,
 * synonyms folded to one form, particles and politeness removed. Input is expected normalised
 * ({@link org.openhotline.nlu.text.TextNormalizer}): simplified, half-width, lower case.
 */
public final class QuestionAnalyzer extends Analyzer {
    private final Segmenter segmenter;
    private final DomainLexicon lexicon;
    private final CharArraySet stopwords;

    public QuestionAnalyzer(Segmenter segmenter, DomainLexicon lexicon) {
        this.segmenter = segmenter;
        this.lexicon = lexicon;
        this.stopwords = new CharArraySet(lexicon.stopwords(), false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        HanLpTokenizer source = new HanLpTokenizer(segmenter);
        TokenStream ts = new SynonymCanonicalFilter(source, lexicon.synonyms());
        ts = new StopFilter(ts, stopwords);
        return new TokenStreamComponents(source, ts);
    }
}
