package org.openhotline.kb.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestQuestionFileTest {
    @Test
    void readsTheEvalSampleQueries() throws Exception {
        Path file = Path.of("..", "eval", "data", "sample-queries.jsonl");
        try (Reader r = Files.newBufferedReader(file)) {
            List<TestQuestion> qs = TestQuestionFile.read(r);
            assertTrue(qs.size() > 400, "" + qs.size());
            assertEquals(new TestQuestion("q-si-001-a", "入职一个月了还没见单位给我办社保参保，参保登记到底是谁负责", "faq", List.of("si-001")), qs.get(0));
        }
    }

    @Test
    void oneBadLineRefusesTheFileNamingTheLine() {
        String text = "{\"qid\":\"a\",\"query\":\"x\",\"kind\":\"faq\",\"expected_ids\":[\"e\"]}\n\n{\"qid\":\"b\",\"query\":\"y\",\"kind\":\"faq\"}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestQuestionFile.read(new StringReader(text)));
        assertEquals("line 3: a faq question needs expected_ids", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TestQuestionFile.read(new StringReader("{\"qid\":1}")));
        assertThrows(IllegalArgumentException.class, () -> TestQuestionFile.read(new StringReader("nope")));
    }
}
