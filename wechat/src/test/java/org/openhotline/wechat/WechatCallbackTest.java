package org.openhotline.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.callback.Refusal;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;

/** The callback over real HTTP against the simulator: verification, the three modes, every message type, refusals. */
class WechatCallbackTest {
    static Rig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = new Rig(b -> b.menu(Map.of("SI_RECORDS", "查社保缴费记录", "SI_CARD", "category:社保卡")));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    private static Attempt one(String xml, Mode mode) {
        List<Attempt> a = rig.wechat.deliver(xml, mode);
        assertEquals(1, a.size(), "answered within the budget: no retry");
        assertEquals(200, a.get(0).status(), a.get(0).body());
        return a.get(0);
    }

    @Test
    void urlVerificationEchoesOnlyWithAValidSignature() {
        Attempt ok = rig.wechat.verify("echo-123");
        assertEquals(200, ok.status());
        assertEquals("echo-123", ok.body());
        Map<String, String> q = rig.wechat.signedQuery();
        q.put("signature", "0".repeat(40));
        q.put("echostr", "echo-123");
        WechatSimulator.Attempt bad = rig.wechat.getRaw(q);
        assertEquals(403, bad.status());
    }

    @Test
    void textIsAnsweredPassivelyInEachMode() {
        for (Mode mode : Mode.values()) {
            Attempt a = one(rig.wechat.textXml("o-user-" + mode, "社保卡丢了怎么办" + mode), mode);
            assertEquals("答：社保卡丢了怎么办" + mode, a.replyText(), mode.name());
            assertEquals(mode != Mode.PLAIN, a.body().contains("<Encrypt>"), "sealed reply in AES modes: " + mode);
        }
    }

    @Test
    void subscribeGetsTheWelcomeWithHotQuestions() {
        Attempt a = one(rig.wechat.eventXml("o-new-follower", "subscribe", null), Mode.SAFE);
        assertTrue(a.replyText().startsWith("欢迎关注"), a.replyText());
        assertTrue(a.replyText().contains("1. 社保卡丢了怎么补办"));
    }

    @Test
    void voiceUsesRecognitionElseSaysItIsNotUnderstood() {
        assertEquals("答：公积金怎么提取", one(rig.wechat.voiceXml("o-voice", "公积金怎么提取。"), Mode.PLAIN).replyText().replace("。", ""));
        assertEquals(WechatTexts.defaults().voiceUnrecognised(), one(rig.wechat.voiceXml("o-voice", null), Mode.PLAIN).replyText());
    }

    @Test
    void imagesGetAPoliteReplyAndNeverReachTheBot() {
        int before = rig.bot.asked.size();
        assertEquals(WechatTexts.defaults().image(), one(rig.wechat.imageXml("o-pic"), Mode.COMPATIBLE).replyText());
        assertEquals(before, rig.bot.asked.size());
    }

    @Test
    void menuClickAsksTheConfiguredQuestionAndUnknownKeysAndUnsubscribeSaySuccess() {
        assertEquals("答：查社保缴费记录", one(rig.wechat.eventXml("o-menu", "CLICK", "SI_RECORDS"), Mode.PLAIN).replyText());
        assertEquals("类：社保卡", one(rig.wechat.eventXml("o-menu", "CLICK", "SI_CARD"), Mode.PLAIN).replyText());
        Attempt unknown = one(rig.wechat.eventXml("o-menu", "CLICK", "NOPE"), Mode.PLAIN);
        assertEquals("success", unknown.body());
        Attempt gone = one(rig.wechat.eventXml("o-menu", "unsubscribe", null), Mode.SAFE);
        assertEquals("success", gone.body());
        assertNull(gone.replyText());
    }

    @Test
    void aBadSignatureIsRefusedAndNotProcessed() {
        int before = rig.bot.asked.size();
        Map<String, String> q = rig.wechat.signedQuery();
        q.put("nonce", q.get("nonce") + "x");
        Attempt a = rig.wechat.postRaw(q, rig.wechat.textXml("o-evil", "你好"));
        assertEquals(403, a.status());
        assertEquals(before, rig.bot.asked.size());
        assertTrue(rig.channel.callback().refusals().of(Refusal.BAD_SIGNATURE) >= 1);
    }

    @Test
    void xmlWithADoctypeIsRefusedBeforeParsing() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>gh</ToUserName><FromUserName>o-xxe</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";
        int before = rig.bot.asked.size();
        Attempt a = rig.wechat.postRaw(rig.wechat.signedQuery(), xxe);
        assertEquals(400, a.status());
        assertEquals("doctype", a.body());
        assertEquals(before, rig.bot.asked.size());
    }

    @Test
    void anOversizedBodyIsRefused() {
        String big = rig.wechat.textXml("o-big", "很".repeat(40_000));
        Attempt a = rig.wechat.postRaw(rig.wechat.signedQuery(), big);
        assertEquals(413, a.status());
    }

    @Test
    void aTamperedOrGarbledAesPayloadIsRefused() {
        Map<String, String> q = rig.wechat.signedQuery();
        q.put("encrypt_type", "aes");
        String garbage = "bm90IHJlYWxseSBlbmNyeXB0ZWQgYXQgYWxsIDEyMzQ1Njc4OTA=";
        q.put("msg_signature", rig.wechat.sign(q.get("timestamp"), q.get("nonce"), garbage));
        Attempt garbled = rig.wechat.postRaw(q, "<xml><Encrypt><![CDATA[" + garbage + "]]></Encrypt></xml>");
        assertEquals(400, garbled.status());
        assertEquals("bad_aes", garbled.body());

        q.put("msg_signature", "f".repeat(40)); // a payload whose message signature does not match
        Attempt unsigned = rig.wechat.postRaw(q, "<xml><Encrypt><![CDATA[" + garbage + "]]></Encrypt></xml>");
        assertEquals(403, unsigned.status());
    }

    @Test
    void buttonsBecomeTypedHints() {
        rig.bot.buttons = List.of("转人工", "留言");
        try {
            Attempt a = one(rig.wechat.textXml("o-buttons", "怎么办"), Mode.PLAIN);
            assertEquals("答：怎么办\n回复“转人工”或“留言”", a.replyText());
        } finally {
            rig.bot.buttons = List.of();
        }
    }
}
