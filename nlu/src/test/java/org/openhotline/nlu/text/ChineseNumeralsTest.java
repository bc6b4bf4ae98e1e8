package org.openhotline.nlu.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {
    private static String value(String s) {
        Optional<BigDecimal> v = ChineseNumerals.parse(s);
        return v.map(b -> b.stripTrailingZeros().toPlainString()).orElse(null);
    }

    @Test
    void spokenDigitStringsReadDigitByDigit() {
        assertEquals("2024", value("二零二四"));
        assertEquals("138", value("幺三八"));
        assertEquals("2020", value("两〇二〇"));
        ChineseNumerals.Numeral n = ChineseNumerals.match("零二九八", 0);
        assertEquals("0298", n.digits(), "leading zeros of an area code survive");
        assertEquals(ChineseNumerals.Kind.SPOKEN_DIGITS, n.kind());
    }

    @Test
    void positionalNumerals() {
        assertEquals("15", value("十五"));
        assertEquals("23", value("二十三"));
        assertEquals("105", value("一百零五"));
        assertEquals("3000", value("三千"));
        assertEquals("110000", value("十一万"));
        assertEquals("30500", value("三万零五百"));
        assertEquals("130000000", value("一亿三千万"));
    }

    @Test
    void elidedLastUnitIsTheNextLowerOne() {
        assertEquals("3500", value("三千五"));
        assertEquals("12000", value("一万二"));
        assertEquals("23000", value("两万三"));
        assertEquals("980", value("九百八"));
        assertEquals("250", value("两百五"));
    }

    @Test
    void arabicWithChineseMagnitudeAndDecimals() {
        assertEquals("12000", value("1.2万"));
        assertEquals("80000", value("8万"));
        assertEquals("486.5", value("486.5"));
        assertEquals("1.5", value("一点五"));
        assertEquals("0.5", value("半"));
    }

    @Test
    void matchStopsAtTheEndOfTheNumber() {
        ChineseNumerals.Numeral n = ChineseNumerals.match("交了三千五块钱", 2);
        assertEquals(5, n.end());
        assertEquals(0, new BigDecimal(3500).compareTo(n.value()));
        assertEquals(4, ChineseNumerals.match("十二月一号", 0).end() + 2, "十二 ends before 月");
    }

    @Test
    void nonNumbersAreEmpty() {
        assertTrue(ChineseNumerals.parse("万一").isEmpty());
        assertTrue(ChineseNumerals.parse("千万").isEmpty());
        assertTrue(ChineseNumerals.parse("三三千").isEmpty());
        assertTrue(ChineseNumerals.parse("社保").isEmpty());
        assertTrue(ChineseNumerals.parse("").isEmpty());
        assertTrue(ChineseNumerals.parse(null).isEmpty());
        assertNull(ChineseNumerals.match("abc", 5));
        assertNull(ChineseNumerals.match("零钱", 0));
    }

    @Test
    void hugeOrHostileInputNeverThrows() {
        String digits = "9".repeat(10_000);
        assertNull(ChineseNumerals.match(digits, 0), "a 10,000-digit number is no quantity");
        assertTrue(ChineseNumerals.parse("九".repeat(100)).isEmpty());
        assertTrue(ChineseNumerals.parse("九千九百九十九亿九千九百九十九万").isPresent());
        assertTrue(ChineseNumerals.parse("亿亿亿").isEmpty());
        ChineseNumerals.Numeral bounded = ChineseNumerals.match("一二三四五六七八九".repeat(20), 0);
        assertTrue(bounded.length() <= ChineseNumerals.MAX_LENGTH);
    }
}
