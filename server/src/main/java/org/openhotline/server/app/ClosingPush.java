package org.openhotline.server.app;

import java.util.function.BiConsumer;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.message.Channel;

/**
 * Delivers an idle session's closing message on channels that can speak first: WeChat (customer-service
 * message to the OpenID in the session key). The web chat and the phone cannot; the log has the message.
 */
final class ClosingPush {
    private static final String WECHAT_PREFIX = Channel.WECHAT.wireName() + ":";
    private final BiConsumer<String, String> wechat;

    /** @param wechat sends (openId, text); null when the WeChat channel is off */
    ClosingPush(BiConsumer<String, String> wechat) {
        this.wechat = wechat;
    }

    /** Whether the message was handed to a channel. */
    boolean push(Conversation.Closed closed) {
        if (wechat != null && Channel.WECHAT.wireName().equals(closed.channel()) && closed.sessionId().startsWith(WECHAT_PREFIX)) {
            wechat.accept(closed.sessionId().substring(WECHAT_PREFIX.length()), closed.text());
            return true;
        }
        return false;
    }
}
