package org.openhotline.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.io.EntryFiles;

/** The knowledge-base commands as an operator runs them, on a data folder of their own. */
class HotlineCliTest {
    @TempDir
    Path dir;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void streams() {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
    }

    int run(String... args) {
        HotlineCli cli = new HotlineCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("HOTLINE_DATA", dir.resolve("data").toString()));
        return cli.run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithABadRowIsRefusedWholeAndTheReportNamesTheRow() throws Exception {
        Path kb = dir.resolve("kb.jsonl");
        Files.writeString(kb, """
                {"id":"a","question":"社保卡怎么补办","answer":"到网点补办。"}
                {"id":"b","question":"","answer":"没有问题的行"}
                {"id":"c","question":"公积金怎么提取"
                """);
        assertEquals(1, run("kb", "import", kb.toString()));
        assertTrue(err().contains("row 2") && err().contains("standard question is empty"), err());
        assertTrue(err().contains("row 3") && err().contains("not valid JSON"), err());
        assertEquals(0, run("kb", "versions"));
        assertTrue(out().isBlank(), "nothing was published: " + out());
    }

    @Test
    void importPublishesAVersionAndExportWritesItBack() throws Exception {
        Path kb = dir.resolve("kb.jsonl");
        Files.writeString(kb, """
                {"id":"a","department":"社保","question":"社保卡怎么补办","similar":["社保卡丢了"],"answer":"到网点补办。"}
                {"id":"b","question":"公积金怎么提取","answer":"通过线上渠道提取。","extra":"ignored"}
                """);
        assertEquals(0, run("kb", "import", kb.toString()), err());
        assertTrue(out().contains("published knowledge-base version 1 with 2 entries"), out());
        assertTrue(Files.isRegularFile(dir.resolve("data/index/v1/READY")), "indexed at import time");
        Path xlsx = dir.resolve("out.xlsx");
        assertEquals(0, run("kb", "export", xlsx.toString()), err());
        var back = EntryFiles.read(xlsx);
        assertTrue(back.isClean(), back.report());
        assertEquals(2, back.entries().size());
        assertEquals("社保", back.entries().get(0).category());
        assertEquals(java.util.List.of("社保卡丢了"), back.entries().get(0).similar());
    }

    @Test
    void unknownFormatsAndMissingFilesAreClearErrors() {
        assertEquals(1, run("kb", "import", dir.resolve("nope.jsonl").toString()));
        assertTrue(err().contains("no such file"), err());
        assertEquals(1, run("kb", "import", dir.toString()));
        assertEquals(2, run("kb", "import"));
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasHelp() {
        assertEquals(0, run("--help"));
        for (String c : new String[] {"demo", "kb import", "eval", "bench", "dataset", "test"}) assertTrue(out().contains(c), c);
        assertEquals(0, run("kb", "--help"));
        assertEquals(0, run("demo", "--help"));
        assertEquals(2, run("frobnicate"));
    }
}
