package org.openhotline.eval.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.eval.quality.QueryFile.BadQueryFile;

class DialogueFileTest {
    @TempDir
    Path dir;

    @Test
    void readsDialoguesAndTheirKind() throws Exception {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, """
                {"cid":"f1","first":"异地就医如何备案","first_expected":["mi-015"],"followup":"需要什么材料","expected_ids":["mi-015"]}

                {"cid":"k1","kind":"control","first":"异地就医如何备案","followup":"身份证丢了怎么补办","expected_ids":["gs-003","gs-004"]}
                """);
        List<Dialogue> ds = DialogueFile.read(f);
        assertEquals(2, ds.size());
        assertEquals(Dialogue.Kind.FOLLOWUP, ds.get(0).kind(), "followup is the default kind");
        assertEquals(Dialogue.Kind.CONTROL, ds.get(1).kind());
        assertEquals(Set.of(), ds.get(1).firstExpected());
        assertEquals(List.of("gs-003", "gs-004"), List.copyOf(ds.get(1).expectedIds()), "in the file's order");
    }

    @Test
    void aBadLineIsNamed() throws Exception {
        Path f = dir.resolve("d.jsonl");
        Files.writeString(f, "{\"cid\":\"f1\",\"first\":\"a\",\"followup\":\"b\",\"expected_ids\":[\"x\"]}\n{\"cid\":\"f2\",\"first\":\"a\",\"followup\":\"b\"}\n");
        BadQueryFile e = assertThrows(BadQueryFile.class, () -> DialogueFile.read(f));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("expected_ids"), e.getMessage());
        Files.writeString(f, "{\"cid\":\"f1\",\"kind\":\"other\",\"first\":\"a\",\"followup\":\"b\",\"expected_ids\":[\"x\"]}\n");
        assertThrows(BadQueryFile.class, () -> DialogueFile.read(f));
        assertTrue(assertThrows(BadQueryFile.class, () -> DialogueFile.read(dir.resolve("none.jsonl"))).getMessage().startsWith("no such dialogue file: "));
        Files.writeString(f, "\uFEFF\n");
        assertTrue(assertThrows(BadQueryFile.class, () -> DialogueFile.read(f)).getMessage().endsWith(" holds no dialogues"));
    }
}
