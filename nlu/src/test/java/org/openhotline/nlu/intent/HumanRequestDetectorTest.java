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

    /** One message per family of asking (the rules are frames over word classes, not these sentences). */
    @ParameterizedTest
    @ValueSource(strings = {"帮我转给值班领导", "给我接你们高级客服", "请转接税务方面的专业人员", "我想找懂政策的同志聊聊",
            "叫你们主任出来", "把经理喊过来", "小姑娘在吗", "在吗人工", "有没有接线员", "你们有人吗", "你听不懂人话吗",
            "这破机器人", "别跟我打太极", "机器人答非所问", "我要投诉你们", "请尽快给我回个电话", "让人下午打我手机",
            "转人攻", "找任工", "人工服物", "zhuanrengong", "ren gong", "按0", "我按了零", "talk to a human", "operator",
            "麻烦转接", "帮我转过去", "我想和工作人员通电话", "能不能换成人来回答"})
    void familiesOfAsking(String message) {
        assertNotNull(DETECTOR.match(message), message);
    }

    /**
     * Families added in the fourth round (issue 4), each written here in a wording of its own: formal requests,
     * desks of a bureau, someone known by what they handle, where the people are, when someone will answer,
     * repeated desk words, Cantonese, 转让工 heard for 转人工, tiredness of self-service, "you cannot do it".
     */
    @ParameterizedTest
    @ValueSource(strings = {"恳请转接相关业务人员处理", "烦请协调一名专员与我联系", "敬请安排工作人员电话回访", "麻烦帮我接通社保科",
            "我要你们中心的人来处理", "我想跟你们那边管户籍的通个话", "你们那边有没有懂公积金的", "找个明白的跟我说",
            "你们的人呢？", "人工到底什么时候能接", "人工入口在哪里", "接线员，接线员", "俾个人工我", "我要同你哋嘅专员讲",
            "转让工", "我不要自助语音", "别让机器人回答我", "这事你办不了", "喊你们值班的出来", "工作人员，过来一下",
            "rengongfuwu", "能不能直接跟你们坐席说", "要求人工复核一下"})
    void familiesOfTheFourthRound(String message) {
        assertNotNull(DETECTOR.match(message), message);
    }

    /** Mentions of people, of 人工 or of the hotline that ask for no one. */
    @ParameterizedTest
    @ValueSource(strings = {"不用转人工", "不需要找领导", "人工就不用了", "我上次转过人工了", "人工服务几点上班",
            "转人工收费吗", "人工客服电话多少", "我想应聘接线员", "表扬一下那位工作人员", "工作人员说要等十天",
            "刚才人工客服已经帮我办好了", "人工膝关节置换", "工人的人工钱", "扫地机器人坏了", "老人走失了怎么找人",
            "找人帮我搬家", "我多次联系客服都没用", "公交客服电话", "申请人和我都要签字吗", "转业人员安置",
            "人工客服节假日上班吗", "人工服务一般要等多久", "快递的人工客服一直打不通", "雇个人来家里做饭要交社保吗",
            "human resources department", "房产中介agent靠谱吗", "居委会还是不换人", "股权转让工商变更", "中介接管的房子",
            "我申请了人工审核"})
    void mentionsThatDoNotAsk(String message) {
        assertNull(DETECTOR.match(message), message);
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
