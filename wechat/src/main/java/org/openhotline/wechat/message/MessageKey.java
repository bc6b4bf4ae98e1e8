package org.openhotline.wechat.message;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * The identity of one callback across WeChat's retries. A MsgId is unique only per account and events have none,
 * so the key is the sender plus MsgId, or for events the sender, CreateTime, event and event key.
 */
public final class MessageKey {
    private MessageKey() {}

    public static String of(WxMpXmlMessage m) {
        if (m.getMsgId() != null) return "m:" + m.getFromUser() + ":" + m.getMsgId();
        return "e:" + m.getFromUser() + ":" + m.getCreateTime() + ":" + m.getEvent() + ":" + (m.getEventKey() == null ? "" : m.getEventKey());
    }
}
