package org.openhotline.bot.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordScannerTest {
    @Test
    void findsTheLongestWordAtEachPlaceWithoutOverlaps() {
        WordScanner s = new WordScanner(List.of("医保", "城乡居民医保", "居民", "大学生", "App"));
        assertEquals(List.of(new WordScanner.Hit("城乡居民医保", 0), new WordScanner.Hit("大学生", 6)), s.scan("城乡居民医保大学生呢"));
        assertEquals(List.of(new WordScanner.Hit("app", 2)), s.scan("手机app能办吗"), "case does not matter");
        assertEquals(List.of(), s.scan(""));
    }
}
