package org.openhotline.wechat.message;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.message.Reply;
import org.openhotline.wechat.WechatTexts;

/**
 * The bot's channel-neutral reply as WeChat text. Options are numbered in the bot's own text already (clarify,
 * fallback, welcome); buttons, which WeChat cannot show, become a typed hint (回复“转人工”或“留言”), leaving out
 * those the text already names.
 */
public final class ReplyRenderer {
    private final WechatTexts texts;

    public ReplyRenderer(WechatTexts texts) {
        this.texts = texts;
    }

    public String render(Reply reply) {
        String text = reply.text() == null ? "" : reply.text().strip();
        List<String> hints = new ArrayList<>();
        for (String b : reply.buttons()) {
            if (b == null || b.isBlank() || text.contains("“" + b + "”")) continue;
            hints.add("“" + b + "”");
        }
        if (hints.isEmpty()) return text;
        return text + "\n" + texts.buttonHint().formatted(String.join("或", hints));
    }
}
