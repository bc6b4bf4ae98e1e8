package org.openhotline.wechat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.wechat.WechatTexts;

class ReplyRendererTest {
    final ReplyRenderer renderer = new ReplyRenderer(WechatTexts.defaults());

    @Test
    void buttonsTheTextAlreadyNamesAreNotRepeated() {
        Reply r = Reply.of(ReplyType.FALLBACK, ReplyAct.OFFER_HUMAN, "需要转人工吗？回复“是”或“转人工”即可。", "x").withButtons(List.of("是", "转人工", "留言"));
        assertEquals("需要转人工吗？回复“是”或“转人工”即可。\n回复“留言”", renderer.render(r));
    }

    @Test
    void aReplyWithoutButtonsIsItsText() {
        assertEquals("答案", renderer.render(Reply.of(ReplyType.ANSWER, ReplyAct.FAQ, " 答案\n", "x")));
    }
}
