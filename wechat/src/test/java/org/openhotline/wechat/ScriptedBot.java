package org.openhotline.wechat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;

/** A bot for channel tests: echoes questions as "答：…", optionally slowly, and counts what it was asked. */
final class ScriptedBot implements WechatBot {
    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile long delayMillis;
    volatile List<String> buttons = List.of();

    @Override
    public Reply answer(String openId, String text) {
        asked.add(text);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Reply.of(ReplyType.ANSWER, ReplyAct.FAQ, "答：" + text, "scripted").withButtons(buttons);
    }

    @Override
    public Reply category(String openId, String category) {
        return Reply.of(ReplyType.ANSWER, ReplyAct.FAQ, "类：" + category, "scripted");
    }

    @Override
    public Reply welcome() {
        return Reply.of(ReplyType.ANSWER, ReplyAct.WELCOME, "欢迎关注！大家最近常问：\n1. 社保卡丢了怎么补办", "welcome");
    }
}
