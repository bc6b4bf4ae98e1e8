package org.openhotline.wechat.message;

import java.util.Map;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.openhotline.wechat.WechatTexts;

/**
 * Maps each WeChat message and event type to what the channel does with it. Voice uses WeChat's own speech
 * recognition when the account has it on; menu CLICK keys become the question or flow phrase set in
 * {@code wechat.menu}, so a menu item behaves as if the citizen had typed it.
 */
public final class InputReader {
    private final Map<String, String> menu;
    private final WechatTexts texts;

    public InputReader(Map<String, String> menu, WechatTexts texts) {
        this.menu = menu;
        this.texts = texts;
    }

    public WechatInput read(WxMpXmlMessage m) {
        String type = m.getMsgType() == null ? "" : m.getMsgType();
        return switch (type) {
            case XmlMsgType.TEXT -> new WechatInput.Ask(nullToEmpty(m.getContent()));
            case XmlMsgType.VOICE -> blank(m.getRecognition()) ? new WechatInput.Say(texts.voiceUnrecognised())
                    : new WechatInput.Ask(m.getRecognition().strip());
            case XmlMsgType.IMAGE -> new WechatInput.Say(texts.image());
            case XmlMsgType.VIDEO, XmlMsgType.SHORTVIDEO -> new WechatInput.Say(texts.video());
            case XmlMsgType.LINK -> new WechatInput.Say(texts.link());
            case XmlMsgType.LOCATION -> new WechatInput.Say(texts.location());
            case XmlMsgType.EVENT -> event(m);
            default -> new WechatInput.Say(texts.unsupported());
        };
    }

    private WechatInput event(WxMpXmlMessage m) {
        String event = m.getEvent() == null ? "" : m.getEvent();
        if (event.equalsIgnoreCase(EventType.SUBSCRIBE) || event.equalsIgnoreCase(EventType.SCAN)) return new WechatInput.Welcome();
        if (event.equalsIgnoreCase(EventType.UNSUBSCRIBE)) return new WechatInput.Ignore("unsubscribe");
        if (event.equalsIgnoreCase(EventType.VIEW)) return new WechatInput.Ignore("menu link opened");
        if (event.equalsIgnoreCase(EventType.CLICK)) {
            String text = menu.get(nullToEmpty(m.getEventKey()));
            return text == null ? new WechatInput.Ignore("menu key not configured") : new WechatInput.Ask(text);
        }
        return new WechatInput.Ignore("event " + event);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
