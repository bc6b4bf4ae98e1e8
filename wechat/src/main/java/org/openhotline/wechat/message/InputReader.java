package org.openhotline.wechat.message;

import java.util.Map;
import java.util.function.Predicate;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.openhotline.wechat.WechatTexts;
import org.openhotline.wechat.menu.MenuTarget;

/**
 * Maps each WeChat message and event type to what the channel does with it. Voice uses WeChat's own speech
 * recognition when the account has it on, else the configured transcriber when it decodes the format; menu CLICK keys become the question or flow phrase set in
 * {@code wechat.menu}, so a menu item behaves as if the citizen had typed it, or a knowledge-base category's list.
 * The menu's targets are parsed once, here, not per click.
 */
public final class InputReader {
    private final Map<String, MenuTarget> menu;
    private final WechatTexts texts;
    private final Predicate<String> decodableVoice;

    public InputReader(Map<String, String> menu, WechatTexts texts) {
        this(menu, texts, format -> false);
    }

    /** @param decodableVoice whether a voice format can be transcribed here (no ASR: none) */
    public InputReader(Map<String, String> menu, WechatTexts texts, Predicate<String> decodableVoice) {
        this.menu = MenuTarget.parseAll(menu);
        this.texts = texts;
        this.decodableVoice = decodableVoice;
    }

    public WechatInput read(WxMpXmlMessage m) {
        String type = m.getMsgType() == null ? "" : m.getMsgType();
        return switch (type) {
            case XmlMsgType.TEXT -> new WechatInput.Ask(nullToEmpty(m.getContent()));
            case XmlMsgType.VOICE -> voice(m);
            case XmlMsgType.IMAGE -> new WechatInput.Media(texts.image(), "[图片] " + nullToEmpty(m.getPicUrl()));
            case XmlMsgType.VIDEO, XmlMsgType.SHORTVIDEO -> new WechatInput.Media(texts.video(), "[视频] media_id " + nullToEmpty(m.getMediaId()));
            case XmlMsgType.LINK -> new WechatInput.Media(texts.link(), "[链接] " + nullToEmpty(m.getTitle()) + " " + nullToEmpty(m.getUrl()));
            case XmlMsgType.LOCATION -> new WechatInput.Media(texts.location(),
                    "[位置] " + nullToEmpty(m.getLabel()) + " (" + m.getLocationX() + ", " + m.getLocationY() + ")");
            case XmlMsgType.EVENT -> event(m);
            default -> new WechatInput.Say(texts.unsupported());
        };
    }

    private WechatInput voice(WxMpXmlMessage m) {
        if (!blank(m.getRecognition())) return new WechatInput.Ask(m.getRecognition().strip());
        if (!blank(m.getMediaId()) && decodableVoice.test(m.getFormat())) return new WechatInput.Voice(m.getMediaId(), m.getFormat());
        return new WechatInput.Say(texts.voiceUnrecognised());
    }

    private WechatInput event(WxMpXmlMessage m) {
        String event = m.getEvent() == null ? "" : m.getEvent();
        if (event.equalsIgnoreCase(EventType.SUBSCRIBE) || event.equalsIgnoreCase(EventType.SCAN)) return new WechatInput.Welcome();
        if (event.equalsIgnoreCase(EventType.UNSUBSCRIBE)) return new WechatInput.Ignore("unsubscribe");
        if (event.equalsIgnoreCase(EventType.VIEW)) return new WechatInput.Ignore("menu link opened");
        if (event.equalsIgnoreCase(EventType.CLICK)) {
            MenuTarget target = menu.get(nullToEmpty(m.getEventKey()));
            if (target == null) return new WechatInput.Ignore("menu key not configured");
            return switch (target) {
                case MenuTarget.Phrase p -> new WechatInput.Ask(p.text());
                case MenuTarget.Category c -> new WechatInput.Category(c.name());
                case MenuTarget.Flow f -> new WechatInput.Ignore("menu flow " + f.flowId() + " not resolved to a phrase by the server");
            };
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
