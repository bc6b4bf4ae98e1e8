package org.openhotline.eval.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openhotline.eval.load.SyntheticKb;
import org.openhotline.kb.model.Entry;
import org.openhotline.server.app.SampleKnowledgeBase;

/**
 * The publish benchmark's knowledge base, made deterministically: the sample base, gov-faq300 and the MSGABench
 * government Q&A (real questions and answers, read by path), grown to N entries by {@link SyntheticKb}'s place
 * copies; and the citizens' questions the query threads ask meanwhile (MSGABench citizen messages).
 */
final class BenchKnowledgeBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchKnowledgeBase() {}

    static List<Entry> entries(Path datasets, int size) throws IOException {
        List<Entry> base = new ArrayList<>(SampleKnowledgeBase.load());
        Path faq = datasets.resolve("gov-faq300-zhengwuxitong/faq-300-template.csv");
        if (Files.isRegularFile(faq)) base.addAll(faq300(faq));
        for (String file : List.of("gov-qa-msgabench/zhengwu_qa.jsonl", "gov-qa-msgabench/nlu_kb.jsonl")) {
            Path p = datasets.resolve(file);
            if (Files.isRegularFile(p)) base.addAll(questionAnswers(p, file.contains("nlu") ? "nlu" : "zw"));
        }
        List<Entry> grown = SyntheticKb.grow(base, size);
        return grown.size() > size ? List.copyOf(grown.subList(0, size)) : grown;
    }

    /** gov-faq300's rows with their similar questions (the eval's conversion keeps those as test questions instead). */
    private static List<Entry> faq300(Path csv) throws IOException {
        List<List<String>> rows = org.openhotline.eval.datasets.Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int cat = header.indexOf("分类"), std = header.indexOf("标准问题"), ans = header.indexOf("标准答案");
        List<Entry> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (cat < 0 || std < 0 || ans < 0 || row.size() <= Math.max(ans, std)) continue;
            List<String> similar = new ArrayList<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                if (header.get(i).startsWith("相似问法") && !row.get(i).isBlank()) similar.add(row.get(i).strip());
            }
            out.add(Entry.of(String.format("faq300-%03d", r), row.get(cat), row.get(std), similar, row.get(ans)));
        }
        return out;
    }

    /** {"id","question","answer"} lines; answers cut to 2,000 characters, as a curated 口径 would be. */
    private static List<Entry> questionAnswers(Path file, String prefix) throws IOException {
        List<Entry> out = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode n = JSON.readTree(line);
            String q = n.path("question").asText("").strip();
            String a = n.path("answer").asText("").strip();
            if (q.isEmpty() || a.isEmpty() || q.length() > 200 || !seen.add(q)) continue;
            if (a.length() > 2000) a = a.substring(0, 2000);
            out.add(Entry.of(prefix + "-" + n.path("id").asText(String.valueOf(out.size())), "政务", q, List.of(), a));
        }
        return out;
    }

    /** Distinct citizen messages (MSGABench), else the entries' own questions: what the query threads ask. */
    static List<String> queries(Path datasets, List<Entry> entries, int max) throws IOException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Path p = datasets.resolve("gov-qa-msgabench/citizen_messages.jsonl");
        if (Files.isRegularFile(p)) {
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (out.size() >= max) break;
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                for (String f : List.of("text", "message", "content", "question")) {
                    String t = n.path(f).asText("").strip();
                    if (!t.isEmpty()) {
                        out.add(t.length() > 200 ? t.substring(0, 200) : t);
                        break;
                    }
                }
            }
        }
        for (int i = 0; out.size() < Math.min(max, 50) && i < entries.size(); i++) out.add(entries.get(i).question());
        return new ArrayList<>(out);
    }

    /**
     * {@code count} entries spread evenly over the base, each with a new opening to its answer and one more similar
     * question: what a week of editors' changes looks like to the index (new texts to embed, the rest unchanged).
     */
    static List<Entry> changed(List<Entry> entries, int count) {
        List<Entry> out = new ArrayList<>(entries);
        int step = Math.max(1, entries.size() / Math.max(1, count));
        for (int k = 0, i = 0; k < count && i < entries.size(); k++, i += step) {
            Entry e = entries.get(i);
            List<String> similar = new ArrayList<>(e.similar());
            similar.add(e.question() + "（" + (k + 1) + "号窗口）");
            out.set(i, new Entry(e.id(), e.category(), e.question(), similar, "【2026年调整" + (k + 1) + "】" + e.answer(), e.voiceAnswer(),
                    e.keywords(), e.validFrom(), e.validTo(), e.status()));
        }
        return out;
    }
}
