package org.openhotline.wechat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.WechatTexts;

/** Menu clicks map through targets parsed when the menu loads: a later change to the map given does nothing. */
class InputReaderTest {
    @Test
    void menuTargetsAreParsedOnceWhenTheReaderIsMade() {
        Map<String, String> menu = new LinkedHashMap<>(Map.of("CARD", "category: 12345", "BUS", "地铁几点收班", "HF", "flow:hf"));
        InputReader reader = new InputReader(menu, WechatTexts.defaults());
        menu.put("CARD", "changed later");
        assertEquals(new WechatInput.Category("12345"), reader.read(click("CARD")));
        assertEquals(new WechatInput.Ask("地铁几点收班"), reader.read(click("BUS")));
        assertEquals(new WechatInput.Ignore("menu flow hf not resolved to a phrase by the server"), reader.read(click("HF")));
        assertEquals(new WechatInput.Ignore("menu key not configured"), reader.read(click("NOPE")));
    }

    private static WxMpXmlMessage click(String key) {
        WxMpXmlMessage m = new WxMpXmlMessage();
        m.setMsgType("event");
        m.setEvent("CLICK");
        m.setEventKey(key);
        return m;
    }
}
