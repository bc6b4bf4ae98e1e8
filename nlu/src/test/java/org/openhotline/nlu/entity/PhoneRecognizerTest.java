package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneRecognizerTest {
    private final PhoneRecognizer r = new PhoneRecognizer();

    @Test
    void mobileNumbers() {
        assertEquals(List.of("18700291456", "13609182231"), Found.values(r, "新号码是 18700291456，旧的是 13609182231，帮我改一下"));
        assertEquals(List.of("13892035512@138 9203 5512"), Found.spans(r, "手机号是 138 9203 5512"));
    }

    @Test
    void spokenChineseDigitsBecomeDigits() {
        assertEquals(List.of("13819267704@幺三八 幺九二六 七七零四"), Found.spans(r, "我的电话是幺三八 幺九二六 七七零四 你们打过来吧"));
        assertEquals(List.of("13729104482"), Found.values(r, "我手机号幺三七 两九幺零 四四八二"));
    }

    @Test
    void landlinesWithAreaCode() {
        assertEquals(List.of("02987654321@029-87654321"), Found.spans(r, "029-87654321一直占线"));
        assertEquals(List.of("02988451236@(029)88451236"), Found.spans(r, "座机 (029)88451236"));
        assertEquals(List.of("02985236677"), Found.values(r, "麻烦回电 029 8523 6677，白天有人"));
    }

    @Test
    void numbersThatAreNotACitizensPhone() {
        assertEquals(List.of(), Found.values(r, "电话是10012345678吗"));
        assertEquals(List.of(), Found.values(r, "10086打过来说我话费欠费"));
        assertEquals(List.of(), Found.values(r, "请问12345热线能查社保吗"));
        assertEquals(List.of(), Found.values(r, "工单号2026112300123"), "a mobile-looking stretch inside a longer number");
        assertEquals(List.of(), Found.values(r, "快递单号SF13912345678"), "digits glued to letters are a code");
        assertEquals(List.of(), Found.values(r, "一三九"), "three spoken digits are no phone");
    }

    @Test
    void internationalPrefix() {
        assertEquals(List.of("13991234567"), Found.values(r, "+8613991234567"));
    }
}
