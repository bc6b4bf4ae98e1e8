package org.openhotline.wechat.message;

/** What a callback asks of the channel, decided from its type alone (no bot involved yet). */
public sealed interface WechatInput {
    /** A question for the bot, as the citizen typed it, spoke it (WeChat's recognition) or picked it in the menu. */
    record Ask(String text) implements WechatInput {}

    /** A new or returning follower: the bot's welcome with hot questions. */
    record Welcome() implements WechatInput {}

    /** A fixed polite reply from the channel (image, video, unrecognised voice …). */
    record Say(String text) implements WechatInput {}

    /** Nothing to say (unsubscribe, a menu link opened): acknowledged with "success" and logged. */
    record Ignore(String why) implements WechatInput {}
}
