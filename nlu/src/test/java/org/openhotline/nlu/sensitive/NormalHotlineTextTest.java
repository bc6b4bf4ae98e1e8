package org.openhotline.nlu.sensitive;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped lexicon must not fire on what the hotline itself says and is asked: zero hits, both directions. */
class NormalHotlineTextTest {

    @Test
    void curatedQuestionsAndAnswersHaveNoHits() {
        assumeTrue(NormalCorpus.available(), "sample KB or gov-qa-msgabench not found from " + System.getProperty("user.dir"));
        List<String> corpus = NormalCorpus.curatedQuestionsAndAnswers();
        long chars = corpus.stream().mapToLong(String::length).sum();
        assertTrue(corpus.size() > 5000 && chars > 600_000, "corpus too small: " + corpus.size() + " texts, " + chars + " chars");
        SensitiveMatcher matcher = new SensitiveMatcher(SensitiveLexicon.bundled());
        List<String> hits = new ArrayList<>();
        for (String text : corpus) {
            for (SensitiveHit h : matcher.find(text)) hits.add(h.word() + " (" + h.category().wireName() + ", " + h.mode() + "): …" + LexiconCleaner.context(text, h) + "…");
        }
        System.out.println("normal corpus: " + corpus.size() + " texts, " + chars + " chars, " + hits.size() + " hits");
        assertTrue(hits.isEmpty(), hits.size() + " hits in normal hotline text:\n" + String.join("\n", hits.subList(0, Math.min(50, hits.size()))));
    }
}
