package org.openhotline.bot.flow.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Map<String, Object> RESULT = Map.of(
            "status", "ok",
            "records", List.of(Map.of("month", "2024-01", "amount", new BigDecimal("568.00")),
                    Map.of("month", "2024-02", "amount", new BigDecimal("568.50"))),
            "count", 2,
            "note", "");

    private static Scope scope() {
        return new Scope(Map.of("result", RESULT, "slots", Map.of("id_card", "610113199003074518", "name", "张三")),
                Map.of("business.base-url", "http://127.0.0.1:9"), s -> s.length() < 8 ? s : s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4));
    }

    private static String render(String template) {
        return Template.parse(template).render(scope());
    }

    @Test
    void valuesPathsIndexesAndSizes() {
        assertEquals("2024-02 568.50 元", render("${result.records[1].month} ${result.records[1].amount} 元"));
        assertEquals("共 2 个月", render("共 ${result.records.size} 个月"));
        assertEquals("http://127.0.0.1:9/x", render("${business.base-url}/x"));
        assertEquals("[]", render("[${result.missing.deeper}${result.records[5].month}]"), "absent values render as nothing");
    }

    @Test
    void filters() {
        assertEquals("610***********4518", render("${slots.id_card|mask}"));
        assertEquals("无", render("${result.note|default:无}"));
        assertEquals("ok", render("${result.status | default:无}"));
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("${slots.id_card|upper}"));
        assertTrue(e.getMessage().contains("unknown filter 'upper'"), e.getMessage());
    }

    @Test
    void loopsOverLinesWithoutBlankLines() {
        String t = """
                记录：
                ${each result.records as r}
                ${loop.number}. ${r.month} ${r.amount}
                ${end}
                完""";
        assertEquals("记录：\n1. 2024-01 568.00\n2. 2024-02 568.50\n完", render(t));
        assertEquals("2024-01、2024-02", render("${each result.records as r}${r.month}${if !loop.last}、${end}${end}"));
    }

    @Test
    void conditionsInsideTemplates() {
        assertEquals("多", render("${if result.count >= 2}多${else}少${end}"));
        assertEquals("少", render("${if result.count > 2}多${else}少${end}"));
        assertEquals("", render("${if result.note}有备注${end}"));
    }

    @Test
    void escapingAppliesToInsertedValuesButNotToVariables() {
        Template t = Template.parse("${business.base-url}/q?name=${slots.name}");
        assertEquals("http://127.0.0.1:9/q?name=%E5%BC%A0%E4%B8%89",
                t.render(scope(), s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("literal ${x}", render("literal $${x}"));
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("abc ${slots.x")).getMessage().contains("character 5"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("${each result.records as r} x")).getMessage().contains("no ${end}"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("x ${end}")).getMessage().contains("without a matching"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("${each result.records}${end}")).getMessage().contains("LIST as NAME"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("${result.records[x]}")).getMessage().contains("list index"));
        assertTrue(assertThrows(TemplateException.class, () -> Template.parse("${}")).getMessage().contains("empty"));
    }

    @Test
    void referencesKnowLoopVariables() {
        List<String> seen = new ArrayList<>();
        Template.parse("${slots.a}${each result.records as r}${r.month}${loop.number}${end}")
                .references((p, locals) -> seen.add(p.root() + (locals.contains(p.root()) ? "(local)" : "")));
        assertEquals(List.of("slots", "result", "r(local)", "loop(local)"), seen);
    }
}
