package org.openhotline.nlu.sensitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconCleanerTest {

    @Test
    void tidyStripsCommasAndWhitespace() {
        assertEquals("习近平", LexiconCleaner.tidy("习近平, \r"));
        assertEquals("出售炸药电话", LexiconCleaner.tidy(" 出售炸药 电话"));
        assertEquals("", LexiconCleaner.tidy(" ,"));
    }

    @Test
    void cleaningDropsNoiseDuplicatesAndWordsThatHitNormalText() {
        Map<Category, List<String>> raw = Map.of(Category.FRAUD_AD, List.of("兼职,", "兼职", "QQ", "x", "足球投注", "网络\r", "婊子"));
        LexiconCleaner.Decisions d = LexiconCleaner.Decisions.read(List.of("remove 网络 normal word", "move 婊子 abuse"));
        LexiconCleaner.Outcome o = new LexiconCleaner().clean(raw, d, SensitiveLexicon.builder().build(), List.of("单位招聘兼职会计"), List.of());
        assertEquals(List.of("足球投注"), o.words().get(Category.FRAUD_AD));
        assertTrue(o.removed().stream().anyMatch(r -> r.word().equals("兼职") && r.reason().startsWith("hits normal text")));
        assertTrue(o.removed().stream().anyMatch(r -> r.word().equals("QQ") && r.reason().equals("short ASCII noise")));
        assertTrue(o.removed().stream().anyMatch(r -> r.word().equals("网络") && r.reason().contains("normal word")));
        assertTrue(o.removed().stream().anyMatch(r -> r.word().equals("x") && r.reason().equals("single character")));
        assertEquals(7, o.rawLines());
    }

    /** The shipped files are exactly what the cleaner makes of the raw lists; -Dsensitive.rewrite=true regenerates them. */
    @Test
    void shippedLexiconIsTheCleanersOutput() throws Exception {
        assumeTrue(Files.isDirectory(LexiconCleaner.RAW) && NormalCorpus.available(), "raw lists or corpus not on this machine");
        LexiconCleaner.Outcome o = LexiconCleaner.run();
        StringBuilder report = new StringBuilder("raw lines " + o.rawLines() + "\n");
        o.words().forEach((c, w) -> report.append(c.wireName()).append(' ').append(w.size()).append('\n'));
        o.literal().forEach(r -> report.append("literal ").append(r.category().wireName()).append(' ').append(r.word()).append(" : ").append(r.reason()).append('\n'));
        o.removed().forEach(r -> report.append("removed ").append(r.category().wireName()).append(' ').append(r.word()).append(" : ").append(r.reason()).append('\n'));
        if (Boolean.getBoolean("sensitive.report")) {
            SensitiveLexicon.Builder b = SensitiveLexicon.builder().addAll(LexiconCleaner.handWritten());
            for (Category c : LexiconCleaner.GENERATED) for (String line : o.words().get(c)) b.add(LexiconEntry.parse(line, c));
            SensitiveMatcher m = new SensitiveMatcher(b.build());
            for (String msg : NormalCorpus.citizenMessages())
                for (SensitiveHit h : m.find(msg))
                    report.append("citizen ").append(h.category().wireName()).append(' ').append(h.word()).append(' ').append(h.mode()).append(" : ").append(LexiconCleaner.context(msg, h)).append('\n');
        }
        System.out.println(report);
        if (Boolean.getBoolean("sensitive.rewrite")) LexiconCleaner.write(o);
        for (Category c : LexiconCleaner.GENERATED) {
            String shipped = Files.readString(LexiconCleaner.RESOURCES.resolve(c.fileName()));
            assertEquals(o.file(c), shipped, c.fileName() + " differs from the cleaner's output; rerun with -Dsensitive.rewrite=true");
            assertFalse(o.words().get(c).isEmpty());
        }
    }
}
