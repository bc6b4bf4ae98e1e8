package org.openhotline.bot.flow.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
    private static final Scope SCOPE = new Scope(Map.of("result", Map.of("status", "not_found", "count", 3,
            "amount", new BigDecimal("10.50"), "records", List.of(), "ok", true)), Map.of(), null);

    private static boolean test(String c) {
        return Condition.parse(c).test(SCOPE);
    }

    @Test
    void comparisons() {
        assertTrue(test("result.status == \"not_found\""));
        assertTrue(test("result.status == 'not_found'"));
        assertFalse(test("result.status != \"not_found\""));
        assertTrue(test("result.count == 3"));
        assertTrue(test("result.count == \"3\""), "a number and the same digits are equal");
        assertTrue(test("result.amount > 10"));
        assertTrue(test("result.amount == 10.5"), "numbers compare by value, not by their text");
        assertFalse(test("result.status > 1"), "ordering needs two numbers");
        assertTrue(test("result.missing == null"));
    }

    @Test
    void truthAndLogic() {
        assertTrue(test("result.ok"));
        assertFalse(test("result.records"), "an empty list is false");
        assertTrue(test("!result.records"));
        assertFalse(test("result.missing"));
        assertTrue(test("result.count > 5 || result.status == 'not_found'"));
        assertFalse(test("result.count > 1 && result.records.size > 0"));
        assertTrue(test("result.count > 1 && result.records.size == 0 || result.missing"));
        assertTrue(test("result.status == 'a || b' || result.ok"), "operators inside quotes are text");
    }

    @Test
    void badConditions() {
        assertThrows(TemplateException.class, () -> Condition.parse(""));
        assertThrows(TemplateException.class, () -> Condition.parse("result.status == "));
        assertThrows(TemplateException.class, () -> Condition.parse("result.status == 'open"));
        assertThrows(TemplateException.class, () -> Condition.parse("&& result.ok"));
    }
}
