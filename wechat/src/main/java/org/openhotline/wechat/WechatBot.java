package org.openhotline.wechat;

import org.openhotline.bot.Conversation;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;
import org.openhotline.bot.message.Reply;

/**
 * The bot as the WeChat channel sees it: one citizen's message in, a reply out, and the welcome for new followers.
 * An interface so tests can slow the bot down to exercise the 5-second rule; production passes a {@link Conversation}.
 */
public interface WechatBot {
    Reply answer(String openId, String text);

    Reply welcome();

    /** A menu button mapped to a knowledge-base category; without a knowledge base the category's name is asked. */
    default Reply category(String openId, String category) {
        return answer(openId, category);
    }

    /** Whether a person has this citizen now (pictures and places then go to them); without a desk, never. */
    default boolean withPerson(String openId) {
        return false;
    }

    static WechatBot of(Conversation conversation) {
        return new WechatBot() {
            @Override
            public boolean withPerson(String openId) {
                return conversation.withPerson(new Inbound(Channel.WECHAT, openId, ""));
            }

            @Override
            public Reply answer(String openId, String text) {
                return conversation.respond(new Inbound(Channel.WECHAT, openId, text)).reply();
            }

            @Override
            public Reply welcome() {
                return conversation.welcome();
            }
        };
    }
}
