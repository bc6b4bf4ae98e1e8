package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdCardRecognizerTest {
    private final IdCardRecognizer r = new IdCardRecognizer();

    @Test
    void validEighteenDigitIdWithItsSpan() {
        assertEquals(List.of("610113198002165448@610113198002165448"), Found.spans(r, "身份证号610113198002165448，电话13991234567"));
    }

    @Test
    void lowerCaseCheckCharacterIsReadAsX() {
        assertEquals(List.of("61011619770412109X"), Found.values(r, "身份证号 61011619770412109x 最后是个x"));
    }

    @Test
    void digitsSeparatedBySpacesAreOneId() {
        assertEquals(List.of("610113198811053024@610113 19881105 3024"), Found.spans(r, "身份证号是 610113 19881105 3024 我念慢一点"));
    }

    @Test
    void legacyFifteenDigitId() {
        assertEquals(List.of("610103650312123"), Found.values(r, "老的 十五位的 610103650312123"));
    }

    @Test
    void wrongChecksumIsNoId() {
        assertEquals(List.of(), Found.values(r, "身份证号610113198503121234 这个对吗"));
        assertFalse(IdCardRecognizer.isValid18("610113198803152215", LocalDate.of(2026, 1, 1)));
    }

    @Test
    void numbersOfTheSameLengthThatAreNotIds() {
        assertEquals(List.of(), Found.values(r, "订单号：202611231534208876，网上缴费"), "region 20 and birth date 1123-15-34 are impossible");
        assertEquals(List.of(), Found.values(r, "工单号2026112300123，一直没人回复"));
        assertEquals(List.of(), Found.values(r, "6101131980021654481"), "a valid ID inside a longer number is not one");
    }

    @Test
    void birthDateInTheFutureIsRejected() {
        assertTrue(IdCardRecognizer.isValid18("610113198002165448", LocalDate.of(2026, 1, 1)));
        assertFalse(IdCardRecognizer.isValid18("610113198002165448", LocalDate.of(1979, 1, 1)));
    }
}
