package org.openhotline.bot.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.flow.definition.FlowDefinition;
import org.openhotline.bot.flow.definition.FlowParser;
import org.openhotline.bot.flow.definition.SlotDefinition;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.sensitive.Direction;

/** Slot validation with real analyses: what each slot type accepts and what it refuses. */
class SlotReaderTest {
    private static final Analyzer ANALYZER = SharedAnalyzer.get();
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 10, 10, 0);
    private static final FlowDefinition FLOW = new FlowParser(Map.of()).parse("slots.yml", """
            id: slots
            slots:
              - {name: id_card, type: id_card, prompt: x}
              - {name: code, type: code, length: 6, prompt: x}
              - {name: year, type: regex, pattern: '(?<![0-9])(?<value>(19|20)[0-9]{2})(?![0-9])', prompt: x}
              - {name: key, type: [id_card, regex], pattern: 'tq[0-9]{10}', upper-case: true, prompt: x}
              - {name: what, type: text, min-length: 6, max-length: 30, prompt: x}
              - {name: where, type: address, prompt: x}
              - {name: when, type: date, skip-words: [不记得, 不清楚], prompt: x}
              - {name: phone, type: phone, prompt: x}
            outcomes:
              - reply: done
            """);

    private static Map<String, String> read(String slot, String text) {
        SlotDefinition s = FLOW.slot(slot).orElseThrow();
        List<SlotDefinition> others = FLOW.slots().stream().filter(o -> o != s).toList();
        return SlotReader.read(s, utterance(text), others);
    }

    private static Utterance utterance(String text) {
        return new Utterance(ANALYZER.analyze(text, Direction.INBOUND, NOW));
    }

    private static String value(String slot, String text) {
        Map<String, String> v = read(slot, text);
        return v == null ? null : v.get(slot);
    }

    @Test
    void idCardNeedsItsCheckCharacter() {
        assertEquals("110101199003074514", value("id_card", "我的身份证号是 110101199003074514"));
        assertEquals("110101199003074514", value("id_card", "110101199003074514"));
        assertNull(value("id_card", "110101199003074515"), "wrong check character");
        assertNull(value("id_card", "11010119900307"), "too short");
    }

    @Test
    void codeIsAStandaloneRunOfTheRightLength() {
        assertEquals("123456", value("code", "123456"));
        assertEquals("123456", value("code", "验证码是 123 456"));
        assertEquals("123456", value("code", "幺二三四五六"), "spoken digits are normalised");
        assertNull(value("code", "12345"));
        assertNull(value("code", "1234567"));
        assertNull(value("code", "13912345678"), "digits inside a longer number are not a code");
    }

    @Test
    void regexTakesTheValueGroup() {
        assertEquals("2023", value("year", "不对，是2023年"));
        assertNull(value("year", "110101199003074514"), "a year inside an ID number is not a year");
        assertEquals("TQ2025060001", value("key", "编号tq2025060001"));
        assertEquals("110101199003074514", value("key", "110101199003074514"), "the first type that fits wins");
    }

    @Test
    void textHasLengthLimitsAndIsNotAnotherSlotsAnswer() {
        assertEquals("楼下工地夜里施工太吵", value("what", " 楼下工地夜里施工太吵 "));
        assertNull(value("what", "太吵"), "shorter than min-length");
        assertNull(value("what", "楼下工地夜里施工太吵".repeat(4)), "longer than max-length");
        assertNull(value("what", "13912345678"), "a bare phone number answers the phone slot, not the description");
    }

    @Test
    void addressNamesAPlace() {
        Map<String, String> v = read("where", "在雁塔区小寨东路幸福小区");
        assertEquals("雁塔区小寨东路幸福小区", v.get("where"));
        assertEquals("雁塔区", v.get("where_district"));
        assertEquals("长安南路88号", value("where", "长安南路88号"));
        assertNull(value("where", "就在我家楼下"), "no place anyone could find");
    }

    @Test
    void dateAndPhoneComeFromEntities() {
        assertEquals("2025-06-09", value("when", "昨天晚上"));
        assertNull(value("when", "好几天了"));
        assertEquals("13912345678", value("phone", "电话 139 1234 5678"));
        assertNull(value("phone", "1391234567"));
    }

    @Test
    void optionalSlotsTakeTheirSkipWords() {
        SlotDefinition when = FLOW.slot("when").orElseThrow();
        assertTrue(SlotReader.skipped(when, utterance("不记得了")));
        assertFalse(SlotReader.skipped(when, utterance("我不记得具体是哪天了但是大概是上个月中旬的一个晚上")), "a long answer is not a skip");
        assertFalse(SlotReader.skipped(FLOW.slot("phone").orElseThrow(), utterance("不记得")), "a required slot has no skip");
    }
}
