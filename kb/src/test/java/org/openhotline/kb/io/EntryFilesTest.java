package org.openhotline.kb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class EntryFilesTest {
    private static final List<Entry> ENTRIES = List.of(
            new Entry("sb-001", "社保", "社保卡丢了怎么补办", List.of("社保卡遗失"), "带身份证到网点补办。", null,
                    List.of("社保卡"), null, LocalDate.of(2030, 1, 1), EntryStatus.PUBLISHED),
            new Entry("yb-002", "医保", "医保报销需要什么材料", List.of(), "发票和清单。", "发票和清单", List.of(), null, null,
                    EntryStatus.DISABLED));

    @TempDir
    Path dir;

    @Test
    void unknownExtensionIsRefused() throws IOException {
        Path csv = Files.writeString(dir.resolve("kb.csv"), "标准问题,答案\n");
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> EntryFiles.read(csv));
        assertTrue(e.getMessage().contains("unknown knowledge-base format"), e.getMessage());
        assertTrue(e.getMessage().contains(".jsonl or .xlsx"), e.getMessage());
        assertThrows(KnowledgeFileException.class, () -> EntryFiles.write(ENTRIES, dir.resolve("out.csv")));
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("none.jsonl");
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> EntryFiles.read(missing));
        assertEquals("no such file: " + missing, e.getMessage());
        assertThrows(KnowledgeFileException.class, () -> EntryFiles.read(dir), "a directory is not a file");
    }

    @Test
    void nonUtf8JsonLinesIsRefusedNotGarbled() throws IOException {
        // editors' tools on Chinese Windows save GBK by default
        Path gbk = dir.resolve("kb.jsonl");
        Files.write(gbk, "{\"question\":\"社保卡怎么补办\",\"answer\":\"带身份证。\"}\n".getBytes(Charset.forName("GBK")));
        KnowledgeFileException e = assertThrows(KnowledgeFileException.class, () -> EntryFiles.read(gbk));
        assertEquals(gbk + " is not UTF-8 text", e.getMessage());
    }

    @Test
    void excelExtensionWithOtherContent() throws IOException {
        Path fake = Files.writeString(dir.resolve("kb.xlsx"), "not a workbook", StandardCharsets.UTF_8);
        assertThrows(KnowledgeFileException.class, () -> EntryFiles.read(fake));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kb.jsonl", "kb.xlsx", "KB.JSONL"})
    void writeThenReadRoundTrip(String name) throws IOException {
        Path file = dir.resolve(name);
        EntryFiles.write(ENTRIES, file);
        ImportResult r = EntryFiles.read(file);
        assertTrue(r.isClean(), r.report());
        assertEquals(ENTRIES, r.entries());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path file = dir.resolve("kb.jsonl");
        EntryFiles.write(ENTRIES, file);
        EntryFiles.write(ENTRIES.subList(0, 1), file);
        assertEquals(ENTRIES.subList(0, 1), EntryFiles.read(file).entries());
    }
}
