package org.openhotline.wechat.message;

/** What a callback asks of the channel, decided from its type alone (no bot involved yet). */
public sealed interface WechatInput {
    /** A question for the bot, as the citizen typed it, spoke it (WeChat's recognition) or picked it in the menu. */
    record Ask(String text) implements WechatInput {}

    /** A voice message without WeChat's recognition, in a format the configured transcriber decodes. */
    record Voice(String mediaId, String format) implements WechatInput {}

    /** A menu button mapped to a knowledge-base category: the bot lists that category's questions. */
    record Category(String name) implements WechatInput {}

    /** A new or returning follower: the bot's welcome with hot questions. */
    record Welcome() implements WechatInput {}

    /**
     * A picture, video, link or place: the bot cannot read it, so it gets the polite reply; with a person in the
     * chat it is passed on to them as one line ({@code forAgent}: "[图片] url") instead.
     */
    record Media(String polite, String forAgent) implements WechatInput {}

    /** A fixed polite reply from the channel (unrecognised voice, an unknown type …). */
    record Say(String text) implements WechatInput {}

    /** Nothing to say (unsubscribe, a menu link opened): acknowledged with "success" and logged. */
    record Ignore(String why) implements WechatInput {}
}
