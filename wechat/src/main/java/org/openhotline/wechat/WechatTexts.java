package org.openhotline.wechat;

/**
 * What the channel itself says (the bot's own words live in {@code bot.texts}): polite replies to messages
 * the bot cannot read, and how buttons become typed hints on WeChat, which has none.
 *
 * @param buttonHint %s = the buttons quoted and joined, e.g. 回复“转人工”或“留言”
 */
public record WechatTexts(String voiceUnrecognised, String image, String video, String link, String location, String unsupported,
                          String buttonHint, String error) {
    public static WechatTexts defaults() {
        return new WechatTexts(
                "抱歉，这条语音暂时无法识别，请您用文字描述一下问题。",
                "已收到您的图片。智能客服暂时看不懂图片，请用文字描述您的问题；如需人工服务，请回复“转人工”。",
                "已收到您的视频。智能客服暂时无法查看视频，请用文字描述您的问题；如需人工服务，请回复“转人工”。",
                "已收到您分享的链接。请用文字告诉我您想咨询的问题。",
                "已收到您的位置。如需查询附近的办事网点，请直接告诉我您要办理的业务，例如“社保卡在哪里补办”。",
                "抱歉，暂不支持这类消息，请用文字描述您的问题。",
                "回复%s",
                "抱歉，系统暂时无法答复，请稍后再试，或回复“转人工”。");
    }
}
