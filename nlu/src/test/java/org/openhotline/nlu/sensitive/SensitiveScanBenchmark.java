package org.openhotline.nlu.sensitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scan throughput with a 20,000-word lexicon (the shipped one padded with generated words drawn from
 * the corpus's own characters) over real hotline text, message by message. Run with
 * {@code ./mvnw -q -o -pl nlu test -Dtest=SensitiveScanBenchmark -DexcludedGroups=none -Dgroups=bench}.
 */
@Tag("bench")
class SensitiveScanBenchmark {
    static final int WORDS = 20_000;

    @Test
    void scanThroughput() {
        assumeTrue(NormalCorpus.available());
        List<String> texts = new ArrayList<>(NormalCorpus.curatedQuestionsAndAnswers());
        texts.addAll(NormalCorpus.citizenMessages());
        long chars = texts.stream().mapToLong(String::length).sum();

        SensitiveLexicon.Builder b = SensitiveLexicon.builder().addAll(SensitiveLexicon.bundled());
        int bundled = SensitiveLexicon.bundled().size();
        // padding: 3-6 character words sampled by character frequency, so the automaton sees realistic prefixes
        Map<Character, Integer> freq = new HashMap<>();
        for (String t : texts) for (char c : t.toCharArray()) if (Character.isIdeographic(c)) freq.merge(c, 1, Integer::sum);
        char[] pool = new char[200_000];
        int n = 0;
        for (var e : freq.entrySet()) for (int k = 0; k < Math.max(1, e.getValue() / 50) && n < pool.length; k++) pool[n++] = e.getKey();
        Random rnd = new Random(42);
        Category[] cats = Category.values();
        for (int i = bundled; i < WORDS; i++) {
            StringBuilder w = new StringBuilder();
            int len = 3 + rnd.nextInt(4);
            for (int k = 0; k < len; k++) w.append(pool[rnd.nextInt(n)]);
            b.add(w.toString(), cats[rnd.nextInt(cats.length)]);
        }
        SensitiveLexicon lexicon = b.build();
        long t0 = System.nanoTime();
        SensitiveMatcher matcher = new SensitiveMatcher(lexicon);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        SensitiveFilter filter = new SensitiveFilter(lexicon, SensitivePolicy.defaults());

        long hits = 0;
        for (int round = 0; round < 3; round++) for (String t : texts) hits += matcher.find(t).size(); // warm-up
        double best = 0, bestFilter = 0;
        for (int round = 0; round < 5; round++) {
            long s = System.nanoTime();
            for (String t : texts) matcher.find(t);
            best = Math.max(best, chars / ((System.nanoTime() - s) / 1e9));
            s = System.nanoTime();
            for (String t : texts) filter.check(t, Direction.INBOUND);
            bestFilter = Math.max(bestFilter, chars / ((System.nanoTime() - s) / 1e9));
        }
        System.out.printf("lexicon %d words (compiled in %d ms), %d texts, %d chars, %d hits per pass%n",
                matcher.size(), buildMs, texts.size(), chars, hits / 3);
        System.out.printf("SensitiveMatcher.find: %.2f M chars/s; SensitiveFilter.check: %.2f M chars/s%n", best / 1e6, bestFilter / 1e6);
        assertEquals(WORDS, matcher.size());
    }
}
