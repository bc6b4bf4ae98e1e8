package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexTemplatesTest {
    @Test
    void classesExpandInLaterLinesAndInOtherClasses() {
        List<Pattern> p = new RegexTemplates().define(List.of("@WHO = 人工|客服", "@ASK = 转{WHO}"))
                .compile(List.of("{ASK}", "@END = 吧", "{WHO}{END}"));
        assertEquals(2, p.size(), "definitions are not patterns");
        assertTrue(p.get(0).matcher("帮我转客服").find());
        assertFalse(p.get(0).matcher("转账").find());
        assertTrue(p.get(1).matcher("人工吧").find());
    }

    @Test
    void regexSyntaxWithBracesIsLeftAlone() {
        List<Pattern> p = new RegexTemplates().compile(List.of("[\\p{P}\\s]{1,2}人{2}"));
        assertTrue(p.get(0).matcher("，人人").find());
    }

    @Test
    void anUndefinedClassIsAPackagingErrorNamedInTheMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RegexTemplates().compile(List.of("转{WHO}")));
        assertTrue(e.getMessage().contains("WHO"), e.getMessage());
    }
}
