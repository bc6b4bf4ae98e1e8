package org.openhotline.kb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

class JsonlEntryWriterTest {
    private static final List<Entry> ENTRIES = List.of(
            new Entry("sb-001", "社保", "社保卡丢了怎么补办", List.of("社保卡遗失", "社会保障卡补领"), "带身份证到网点补办。\n也可网上申请。",
                    "带身份证去网点补办", List.of("社保卡", "补办"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), EntryStatus.PUBLISHED),
            new Entry("yb-002", "", "医保报销需要什么材料", List.of(), "发票和清单。", null, List.of(), null, null, EntryStatus.DISABLED));

    private static String write(List<Entry> entries) throws IOException {
        StringWriter out = new StringWriter();
        new JsonlEntryWriter().write(entries, out);
        return out.toString();
    }

    @Test
    void writesOneObjectALineAndReadsBackUnchanged() throws IOException {
        String jsonl = write(ENTRIES);
        assertEquals(2, jsonl.split("\n").length);
        assertTrue(jsonl.endsWith("\n"));
        ImportResult back = new JsonlEntryReader().read(new StringReader(jsonl));
        assertTrue(back.isClean(), back.report());
        assertEquals(ENTRIES, back.entries());
    }

    @Test
    void leavesOutEmptyOptionalFields() throws IOException {
        String second = write(ENTRIES).split("\n")[1];
        assertEquals("{\"id\":\"yb-002\",\"category\":\"\",\"question\":\"医保报销需要什么材料\",\"similar\":[],"
                + "\"answer\":\"发票和清单。\",\"status\":\"disabled\"}", second);
    }

    @Test
    void roundTripDoesNotDependOnTheDefaultLocale() throws IOException {
        // in Turkish "DISABLED".toLowerCase() is "dısabled" (dotless i), which no reader accepts
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String jsonl = write(ENTRIES);
            assertTrue(jsonl.contains("\"status\":\"disabled\""), jsonl);
            assertEquals(ENTRIES, new JsonlEntryReader().read(new StringReader(jsonl)).entries());
            assertEquals(EntryStatus.DISABLED, EntryStatus.parse("DISABLED"));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
