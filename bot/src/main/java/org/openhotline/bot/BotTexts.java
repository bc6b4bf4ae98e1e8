package org.openhotline.bot;

/**
 * The fixed sentences the bot says, configurable per bureau. {@code %s} in {@link #clarify} and
 * {@link #fallback} is replaced by the numbered list of questions.
 */
public record BotTexts(String clarify, String fallback, String transfer, String empty, String withheld,
                       String loading) {

    public static BotTexts defaults() {
        return new BotTexts(
                "您想问的是下面哪个问题？请回复序号：\n%s",
                "抱歉，这个问题我暂时还不会回答。您可以换个说法再问一次，或看看大家常问的问题：\n%s\n如需人工服务，请回复“转人工”。",
                "好的，正在为您转接人工客服，请稍候。",
                "您好，请直接输入您想咨询的问题，例如“社保卡丢了怎么补办”。",
                "抱歉，这条答复暂时无法发送，我们已记录下来。如需帮助，请回复“转人工”。",
                "系统正在更新知识库，请稍后再问，或回复“转人工”。");
    }
}
