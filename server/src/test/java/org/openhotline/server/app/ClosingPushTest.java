package org.openhotline.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.Conversation;

class ClosingPushTest {
    @Test
    void aWechatSessionGetsItsClosingMessageOnTheOpenIdOthersOnlyInTheLog() {
        List<String> sent = new ArrayList<>();
        ClosingPush push = new ClosingPush((openId, text) -> sent.add(openId + " " + text));
        assertTrue(push.push(new Conversation.Closed("wechat:oAbC123", "wechat", "再见")));
        assertFalse(push.push(new Conversation.Closed("web-session-1", "web", "再见")));
        assertFalse(push.push(new Conversation.Closed("voice:13912345678", "voice", "再见")));
        assertEquals(List.of("oAbC123 再见"), sent);
    }

    @Test
    void withoutTheWechatChannelNothingIsPushed() {
        assertFalse(new ClosingPush(null).push(new Conversation.Closed("wechat:oAbC123", "wechat", "再见")));
    }
}
