package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BankCardRecognizerTest {
    private final BankCardRecognizer r = new BankCardRecognizer();

    @Test
    void luhnValidCards() {
        assertEquals(List.of("6222027564794477040"), Found.values(r, "卡号6222027564794477040，公积金能直接转进去吗"));
        assertEquals(List.of("6225882180565035"), Found.values(r, "卡号6225882180565035，他叫吴刚"));
    }

    @Test
    void groupsReadOutWithSpacesAreOneCard() {
        assertEquals(List.of("6222023270311811497@6222 0232 7031 1811 497"), Found.spans(r, "银行卡号 6222 0232 7031 1811 497 户名刘洋"));
    }

    @Test
    void luhnFailureIsNoCard() {
        assertEquals(List.of(), Found.values(r, "我的卡号是6217001234567890125，转账一直失败"));
        assertEquals(List.of(), Found.values(r, "信用卡号6225881234567890刷不了"));
        assertFalse(BankCardRecognizer.isValid("0000000000000000"));
        assertFalse(BankCardRecognizer.isValid("20261123153420887"), "cards do not start with 2");
    }

    @Test
    void luhn() {
        assertTrue(BankCardRecognizer.luhn("79927398713"));
        assertFalse(BankCardRecognizer.luhn("79927398710"));
    }
}
