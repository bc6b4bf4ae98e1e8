package org.openhotline.eval.datasets;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * gov-faq300 (../shared/datasets/gov-faq300-zhengwuxitong): 300 templated government FAQs with three
 * paraphrases each. The knowledge base gets only the standard questions and answers; every paraphrase
 * becomes a query, so retrieval must bridge the wording itself.
 */
public final class Faq300 {
    public static final String DEFAULT_SRC = "../shared/datasets/gov-faq300-zhengwuxitong/faq-300-template.csv";

    public record Counts(int entries, int queries) {}

    public static Counts convert(Path csv, Path kbOut, Path queriesOut) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty()) throw new IOException(csv + " is empty");
        List<String> header = rows.get(0);
        int cat = header.indexOf("分类"), std = header.indexOf("标准问题"), ans = header.indexOf("标准答案");
        List<Integer> sims = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) if (header.get(i).startsWith("相似问法")) sims.add(i);
        if (cat < 0 || std < 0 || ans < 0 || sims.isEmpty()) throw new IOException(csv + ": expected columns 分类, 标准问题, 相似问法N, 标准答案");
        ObjectMapper json = new ObjectMapper();
        int entries = 0, queries = 0;
        Files.createDirectories(kbOut.toAbsolutePath().getParent());
        try (Writer kb = Files.newBufferedWriter(kbOut, StandardCharsets.UTF_8);
             Writer qs = Files.newBufferedWriter(queriesOut, StandardCharsets.UTF_8)) {
            for (int r = 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.size() <= Math.max(ans, std)) continue;
                String id = String.format("faq300-%03d", r);
                ObjectNode e = json.createObjectNode();
                e.put("id", id);
                e.put("category", row.get(cat));
                e.put("question", row.get(std));
                e.put("answer", row.get(ans));
                kb.write(json.writeValueAsString(e) + "\n");
                entries++;
                int k = 0;
                for (int s : sims) {
                    if (s >= row.size() || row.get(s).isBlank()) continue;
                    ObjectNode q = json.createObjectNode();
                    q.put("qid", id + "-s" + (++k));
                    q.put("query", row.get(s));
                    q.put("kind", "faq");
                    q.putArray("expected_ids").add(id);
                    qs.write(json.writeValueAsString(q) + "\n");
                    queries++;
                }
            }
        }
        return new Counts(entries, queries);
    }

    private Faq300() {}
}
