package org.openhotline.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.intent.IntentClassifier;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.text.NormalizedText;
import org.openhotline.nlu.text.TextNormalizer;

/**
 * Latency of one whole {@link Analyzer#analyze} of a typical 30-character hotline message (26 to 34
 * characters, taken from the repository's sample queries and NLU evaluation sets), on one thread after
 * warm-up, with p50/p99 overall and per step. A benchmark, not a test (the target is p99 ≤ 1 ms):
 * {@code ./mvnw -q -o -pl nlu test -Dtest=AnalyzerBench -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups=none -Dgroups=bench};
 * figures go to nlu/target/surefire-reports/org.openhotline.nlu.AnalyzerBench-output.txt.
 * With {@code -Danalyzer.dump=FILE} it also writes every message's analysis, to compare results across changes.
 */
@Tag("bench")
class AnalyzerBench {
    private static final Path EVAL = Path.of("../eval/data");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);
    private static final int WARMUP = 20_000;
    private static final int RUNS = 20_000;
    private static final int SLICES = 5;

    @Test
    void thirtyCharacterMessages() throws IOException {
        List<String> all = messages();
        List<String> messages = all.stream().filter(m -> m.length() >= 26 && m.length() <= 34).toList();
        if (messages.size() < 20) throw new IllegalStateException("too few 30-character messages: " + messages.size());
        double avg = messages.stream().mapToInt(String::length).average().orElse(0);

        var lexicon = DomainLexicon.bundled();
        TextNormalizer normalizer = new TextNormalizer();
        Segmenter segmenter = new Segmenter(lexicon.domainWords());
        EntityExtractor entities = new EntityExtractor();
        IntentClassifier intents = IntentClassifier.bundled();
        SensitiveFilter sensitive = SensitiveFilter.bundled();
        Analyzer analyzer = new Analyzer(normalizer, segmenter, entities, intents, sensitive);

        String dump = System.getProperty("analyzer.dump");
        if (dump != null && !dump.isBlank()) {
            StringBuilder out = new StringBuilder();
            for (String m : all) {
                for (Direction d : Direction.values()) out.append(d).append('\t').append(analyzer.analyze(m, d, NOW)).append('\n');
            }
            Files.writeString(Path.of(dump), out, StandardCharsets.UTF_8);
        }

        // each run times the whole analysis, then the same steps one by one (to see where the time goes);
        // interleaved, so that both see the same JIT state and the same noise from other processes
        String[] steps = {"normalise", "segment", "entities", "intents", "sensitive"};
        long[] total = new long[RUNS];
        long[][] step = new long[steps.length][RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            String m = messages.get(i % messages.size());
            long s0 = System.nanoTime();
            analyzer.analyze(m, Direction.INBOUND, NOW);
            long s1 = System.nanoTime();
            // the steps read another message: the one just analysed would find caches warm and look cheaper
            String other = messages.get((i + messages.size() / 2) % messages.size());
            long t0 = System.nanoTime();
            NormalizedText text = normalizer.normalize(other);
            long t1 = System.nanoTime();
            var tokens = segmenter.segment(text.normalized());
            long t2 = System.nanoTime();
            entities.extract(other, NOW);
            long t3 = System.nanoTime();
            intents.classify(text.normalized(), tokens); // as the Analyzer does: segmentation shared
            long t4 = System.nanoTime();
            sensitive.check(other, Direction.INBOUND);
            long t5 = System.nanoTime();
            if (i < WARMUP) continue;
            int r = i - WARMUP;
            total[r] = s1 - s0;
            step[0][r] = t1 - t0;
            step[1][r] = t2 - t1;
            step[2][r] = t3 - t2;
            step[3][r] = t4 - t3;
            step[4][r] = t5 - t4;
        }

        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf("AnalyzerBench: %d analyses of %d distinct messages, %.1f chars on average, one thread, "
                + "after %d warm-up runs; %d cores, load average %s%n", RUNS, messages.size(), avg, WARMUP,
                Runtime.getRuntime().availableProcessors(), load);
        print("analyze (all steps)", total);
        for (int s = 0; s < steps.length; s++) print("  " + steps[s], step[s]);
        // the p99 of a shared machine swings with other processes: show it per slice of the run too
        StringBuilder slices = new StringBuilder("analyze p99 per slice of " + RUNS / SLICES + " runs:");
        for (int k = 0; k < SLICES; k++) {
            long[] slice = Arrays.copyOfRange(total, k * RUNS / SLICES, (k + 1) * RUNS / SLICES);
            Arrays.sort(slice);
            slices.append(String.format(" %.3f", slice[slice.length * 99 / 100] / 1e6));
        }
        System.out.println(slices.append(" ms"));
    }

    private static void print(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("%-22s p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms%n", name,
                sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
    }

    /** Sample queries (plain and spoken) and the NLU evaluation sets' texts, distinct, in file order. */
    private static List<String> messages() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> out = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>(List.of(EVAL.resolve("sample-queries.jsonl"), EVAL.resolve("spoken-queries.jsonl"),
                EVAL.resolve("nlu/ask-human.jsonl"), EVAL.resolve("nlu/entities.jsonl"), EVAL.resolve("nlu/spoken-homophones.jsonl")));
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode row = json.readTree(line);
                for (String field : List.of("query", "text", "spoken")) {
                    if (row.hasNonNull(field)) out.add(row.get(field).asText());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
