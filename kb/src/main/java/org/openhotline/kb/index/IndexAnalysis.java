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
import org.openhotline.nlu.lexicon.NluDictionaries;
import org.openhotline.nlu.pinyin.PinyinConverter;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * The text processing the index and the queries must share exactly: if indexing and searching analysed
 * text differently, nothing would match. Built once per process (HanLP dictionaries take a second to load).
 */
public final class IndexAnalysis {
    /** Bump when the analysis code changes what it makes of the same text, so old indexes are rebuilt. */
    static final int ANALYSIS_VERSION = 3;

    private final TextNormalizer normalizer;
    private final Analyzer perField;
    private final String fingerprint;
    private final Segmenter segmenter;
    private final DomainLexicon lexicon;
    private final NluDictionaries dictionaries;

    public IndexAnalysis(TextNormalizer normalizer, DomainLexicon lexicon) {
        this(normalizer, lexicon, null);
    }

    private IndexAnalysis(TextNormalizer normalizer, DomainLexicon lexicon, NluDictionaries dictionaries) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.dictionaries = dictionaries;
        this.segmenter = new Segmenter(lexicon.domainWords(), lexicon.natures());
        QuestionAnalyzer words = new QuestionAnalyzer(segmenter, lexicon);
        this.perField = new PerFieldAnalyzerWrapper(words, Map.of(IndexFields.PINYIN, new PinyinAnalyzer(new PinyinConverter())));
        // typos are corrected before a question is indexed, so they are part of what the index was made with
        this.fingerprint = "analysis-" + ANALYSIS_VERSION + "-" + lexicon.fingerprint() + "-" + normalizer.typos().fingerprint();
    }

    /** The analysis of one set of NLU dictionaries: its words, synonyms and stopwords, and its typo corrections. */
    public static IndexAnalysis of(NluDictionaries dictionaries) {
        return new IndexAnalysis(new TextNormalizer(TextNormalizer.DEFAULT_MAX_CHARS, dictionaries.typoDictionary()), dictionaries.lexicon(), dictionaries);
    }

    /** Names the analysis (code version, lexicon and typos); an index made under another one is rebuilt. */
    public String fingerprint() {
        return fingerprint;
    }

    public static IndexAnalysis bundled() {
        return of(NluDictionaries.bundled());
    }

    /** The dictionaries this analysis was made of (gazetteer included); null when it was made from a lexicon alone. */
    public NluDictionaries dictionaries() {
        return dictionaries;
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
