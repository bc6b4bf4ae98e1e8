package org.openhotline.kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openhotline.kb.index.analysis.PinyinAnalyzer;
import org.openhotline.kb.index.analysis.QuestionAnalyzer;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.pinyin.PinyinConverter;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * The text processing the index and the queries must share exactly: if indexing and searching analysed
 * text differently, nothing would match. Built once per process (HanLP dictionaries take a second to load).
 */
public final class IndexAnalysis {
    /** Bump when the analysis code changes what it makes of the same text, so old indexes are rebuilt. */
    static final int ANALYSIS_VERSION = 2;

    private final TextNormalizer normalizer;
    private final Analyzer perField;
    private final String fingerprint;
    private final Segmenter segmenter;
    private final DomainLexicon lexicon;

    public IndexAnalysis(TextNormalizer normalizer, DomainLexicon lexicon) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.segmenter = new Segmenter(lexicon.domainWords());
        QuestionAnalyzer words = new QuestionAnalyzer(segmenter, lexicon);
        this.perField = new PerFieldAnalyzerWrapper(words, Map.of(IndexFields.PINYIN, new PinyinAnalyzer(new PinyinConverter())));
        this.fingerprint = "analysis-" + ANALYSIS_VERSION + "-" + lexicon.fingerprint();
    }

    /** Names the analysis (code version and lexicon); an index made under another one is rebuilt. */
    public String fingerprint() {
        return fingerprint;
    }

    public static IndexAnalysis bundled() {
        return new IndexAnalysis(new TextNormalizer(), DomainLexicon.bundled());
    }

    public Segmenter segmenter() {
        return segmenter;
    }

    public DomainLexicon lexicon() {
        return lexicon;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public Analyzer analyzer() {
        return perField;
    }

    /** The distinct terms a field's analyzer makes of a text, in order of first appearance. */
    public List<String> terms(String field, String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        try (TokenStream ts = perField.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }
}
