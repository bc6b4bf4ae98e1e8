package org.openhotline.eval.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryFileTest {
    @TempDir
    Path dir;

    Path file(String text) throws Exception {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsTheContractAndIgnoresOtherFields() throws Exception {
        var qs = QueryFile.read(file("""
                {"qid":"1","query":"社保卡怎么补办","kind":"faq","expected_ids":["a","b"],"note":"x"}

                {"qid":"2","query":"天气","kind":"out_of_scope","expected_ids":[]}
                """));
        assertEquals(2, qs.size());
        assertEquals(EvalQuery.Kind.OUT_OF_SCOPE, qs.get(1).kind());
        assertTrue(qs.get(0).expectedIds().contains("b"));
    }

    @Test
    void aBadLineStopsTheRunAndIsNamed() throws Exception {
        assertLine(2, "{\"qid\":\"1\",\"query\":\"a\",\"expected_ids\":[\"x\"]}\n{oops\n");
        assertLine(1, "{\"qid\":\"1\",\"query\":\"a\",\"kind\":\"sometimes\",\"expected_ids\":[\"x\"]}\n");
        assertLine(1, "{\"qid\":\"1\",\"query\":\"a\",\"kind\":\"faq\"}\n");
        assertLine(2, "{\"qid\":\"1\",\"query\":\"a\",\"expected_ids\":[\"x\"]}\n{\"qid\":\"1\",\"query\":\"b\",\"expected_ids\":[\"x\"]}\n");
        var missing = assertThrows(QueryFile.BadQueryFile.class, () -> QueryFile.read(dir.resolve("missing.jsonl")));
        assertTrue(missing.getMessage().startsWith("no such query file: "), missing.getMessage());
        var empty = assertThrows(QueryFile.BadQueryFile.class, () -> QueryFile.read(file("\n\n")));
        assertTrue(empty.getMessage().endsWith(" holds no queries"), empty.getMessage());
    }

    private void assertLine(int line, String text) throws Exception {
        Path f = file(text);
        var e = assertThrows(QueryFile.BadQueryFile.class, () -> QueryFile.read(f));
        assertTrue(e.getMessage().contains("line " + line), e.getMessage());
    }
}
