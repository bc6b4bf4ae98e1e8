package org.openhotline.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed command-line contracts of eval and bench, on a tiny knowledge base. */
class EvalCliTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new EvalCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    Path kb() throws Exception {
        Path kb = dir.resolve("kb.jsonl");
        Files.writeString(kb, """
                {"id":"card","question":"社保卡丢了怎么补办","similar":["社保卡掉了咋办"],"answer":"挂失后到网点补办。"}
                {"id":"rent","question":"租房如何提取住房公积金","similar":["租房子能取公积金吗"],"answer":"租房提取可线上办理。"}
                {"id":"remote","question":"异地就医如何备案","similar":["去外地看病怎么备案"],"answer":"通过国家医保服务平台备案。"}
                """);
        return kb;
    }

    @Test
    void benchAsrRecognisesConcurrentStreamsAndEndsWithTheResultLine() throws Exception {
        assertEquals(0, run("bench-asr", "--streams", "2", "--sentences", "2"), err.toString());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT {"), last);
        JsonNode result = new ObjectMapper().readTree(last.substring("RESULT ".length()));
        assertEquals(2, result.get("streams").asInt());
        assertTrue(result.get("audioSeconds").asDouble() > 2, last);
        assertTrue(result.get("rtfMean").asDouble() > 0 && result.get("cpuRtfMean").asDouble() > 0, last);
        assertTrue(result.get("wer").asDouble() <= 0.3, "the English model hears FreeTTS: " + out);
        assertEquals(2, run("bench-asr", "--streams", "0"));
    }

    @Test
    void evalEndsWithTheResultLine() throws Exception {
        Path q = dir.resolve("q.jsonl");
        Files.writeString(q, """
                {"qid":"1","query":"社保卡弄丢了","kind":"faq","expected_ids":["card"]}
                {"qid":"2","query":"租的房子公积金能取出来吗","kind":"faq","expected_ids":["rent"]}
                {"qid":"3","query":"今天天气好吗","kind":"out_of_scope","expected_ids":[]}
                {"qid":"4","query":"转人工","kind":"transfer","expected_ids":[]}
                """);
        Path report = dir.resolve("r.json");
        assertEquals(0, run("eval", "--kb", kb().toString(), "--queries", q.toString(), "--report", report.toString()), err.toString());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT {"), last);
        JsonNode result = new ObjectMapper().readTree(last.substring("RESULT ".length()));
        for (String k : new String[] {"n", "hit1", "recall3", "mrr", "answer_rate", "answer_precision", "oos_reject", "transfer_detect", "p50_ms", "p99_ms"}) {
            assertTrue(result.has(k), k);
        }
        assertEquals(4, result.get("n").asInt());
        assertEquals(1.0, result.get("hit1").asDouble());
        assertEquals(1.0, result.get("transfer_detect").asDouble());
        assertTrue(Files.size(report) > 0);
    }

    @Test
    void aBadQueryLineIsNamedAndExitsNonZero() throws Exception {
        Path q = dir.resolve("q.jsonl");
        Files.writeString(q, "{\"qid\":\"1\",\"query\":\"a\",\"kind\":\"faq\",\"expected_ids\":[\"card\"]}\n{\"qid\":\"2\",\"kind\":\"faq\"}\n");
        assertEquals(1, run("eval", "--kb", kb().toString(), "--queries", q.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 2"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("eval", "--kb", kb().toString()));
        assertEquals(1, run("eval", "--kb", dir.resolve("none.jsonl").toString(), "--queries", q.toString()));
    }

    @Test
    void evalFollowUpsPlaysEachDialogueWithoutAndWithContext() throws Exception {
        Path d = dir.resolve("d.jsonl");
        Files.writeString(d, """
                {"cid":"f2","kind":"followup","first":"异地就医如何备案","first_expected":["remote"],"followup":"那租房呢","expected_ids":["rent"]}
                {"cid":"k1","kind":"control","first":"异地就医如何备案","first_expected":["remote"],"followup":"社保卡丢了怎么补办","expected_ids":["card"]}
                """);
        assertEquals(0, run("eval-followups", "--kb", kb().toString(), "--dialogues", d.toString(), "--details"), err.toString());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT {"), last);
        JsonNode result = new ObjectMapper().readTree(last.substring("RESULT ".length()));
        assertEquals(2, result.get("n").asInt());
        for (String group : new String[] {"followups", "tuned", "held_out", "controls"}) {
            for (String k : new String[] {"n", "hit1_without", "hit1_with", "answer_rate_without", "answer_rate_with", "first_answered"}) {
                assertTrue(result.get(group).has(k), group + "." + k);
            }
        }
        assertEquals(1, result.get("tuned").get("n").asInt(), "f2 ends in an even digit");
        assertEquals(0, result.get("held_out").get("n").asInt());
        assertEquals(1.0, result.get("controls").get("hit1_with").asDouble(), "a new question keeps its own answer");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("k1 "), "--details lists each dialogue");
        assertEquals(1, run("eval-followups", "--kb", kb().toString(), "--dialogues", dir.resolve("none.jsonl").toString()));
    }

    @Test
    void benchDrivesTheRealServerAndReportsTheResultLine() throws Exception {
        Path q = dir.resolve("q.jsonl");
        Files.writeString(q, """
                {"qid":"1","query":"社保卡弄丢了","kind":"faq","expected_ids":["card"]}
                {"qid":"2","query":"租的房子公积金能取出来吗","kind":"faq","expected_ids":["rent"]}
                """);
        assertEquals(0, run("bench", "--kb", kb().toString(), "--queries", q.toString(), "--clients", "2", "--seconds", "1", "--warmup", "0",
                "--scale", "10"), err.toString());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1].substring("RESULT ".length()));
        assertEquals(0, result.get("errors").asInt());
        assertTrue(result.get("qps").asDouble() > 0);
        assertEquals(10, result.get("entries").asInt());
        assertTrue(result.has("p99_ms") && result.has("heap_mb"));
    }
}
