package org.openhotline.desk.chat;

/** What a chat message body is. IMAGE: an image URL; RICH: sanitised HTML (b, i, a, br, p, ul, li); NOTE: agents only. */
public enum MessageKind {
    TEXT,
    IMAGE,
    EMOJI,
    RICH,
    FILE,
    /** Internal note (transfer note, wrap-up note): agents see it, the citizen never does. */
    NOTE,
    /** Desk event shown in the transcript ("张三 接入会话", "已转接到 医保"). */
    SYSTEM
}
