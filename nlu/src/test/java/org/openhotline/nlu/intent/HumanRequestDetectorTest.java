package org.openhotline.nlu.intent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhotline.nlu.pinyin.PinyinConverter;

class HumanRequestDetectorTest {
    private static final HumanRequestDetector DETECTOR = HumanRequestDetector.bundled(new PinyinConverter());

    @ParameterizedTest
    @ValueSource(strings = {"转人工", "转人公", "专人工", "人工", "客服", "我要找真人", "给我接客服", "有没有人工",
            "叫你们领导来", "我不想跟机器说话", "人工人工人工", "人工服务", "你好，帮我转人工谢谢", "机器人根本听不懂"})
    void asksForAHuman(String message) {
        assertNotNull(DETECTOR.match(message), message);
        assertTrue(DETECTOR.isHumanRequest(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"人工授精医保能报销吗", "医保电子凭证人脸识别一直不通过", "上下班出车祸认定工伤需要交警的责任认定书吗",
            "社保卡怎么补办", "公积金怎么提取", "人工关节置换手术医保报销比例", "需要证人证言吗", "找工作需要什么材料"})
    void doesNotAskForAHuman(String message) {
        assertNull(DETECTOR.match(message), message);
        assertFalse(DETECTOR.isHumanRequest(message));
    }

    @Test
    void wholeMessagePhrasesOnlyMatchAlone() {
        // 人工 alone asks for a person; inside a question about 人工 something it does not
        HumanRequestDetector d = new HumanRequestDetector(new PinyinConverter(), List.of(), List.of("人工"), List.of());
        assertNotNull(d.match("人工"));
        assertNotNull(d.match("人公！"), "punctuation and homophones do not hide it");
        assertNull(d.match("人工智能"));
    }

    @Test
    void containedPhrasesMatchOnPinyinAnywhere() {
        HumanRequestDetector d = new HumanRequestDetector(new PinyinConverter(), List.of("转人工"), List.of(), List.of());
        assertNotNull(d.match("麻烦专人工一下"));
        assertNull(d.match("转账"));
    }

    @Test
    void emptyMessageIsNoRequest() {
        assertNull(DETECTOR.match(""));
        assertNull(DETECTOR.match("？？"));
    }
}
