package org.openhotline.server.wechat;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.model.Entry;

/**
 * The product's conversation as the WeChat channel's bot, bound late: the channel is built before the
 * conversation (the desk needs the channel's notifier, and the conversation needs the desk), and is given the
 * conversation once it exists. A menu button mapped to a category lists that category's questions from the live index.
 */
public final class ConversationBot implements org.openhotline.wechat.WechatBot {
    static final int CATEGORY_QUESTIONS = 8;
    private final AtomicReference<Conversation> conversation = new AtomicReference<>();
    private final IndexManager indexes;

    public ConversationBot(IndexManager indexes) {
        this.indexes = indexes;
    }

    public ConversationBot bind(Conversation c) {
        conversation.set(c);
        return this;
    }

    private Conversation conversation() {
        Conversation c = conversation.get();
        if (c == null) throw new IllegalStateException("the WeChat channel got a message before the conversation was bound");
        return c;
    }

    @Override
    public Reply answer(String openId, String text) {
        return conversation().respond(new Inbound(Channel.WECHAT, openId, text)).reply();
    }

    @Override
    public boolean withPerson(String openId) {
        return conversation().withPerson(new Inbound(Channel.WECHAT, openId, ""));
    }

    @Override
    public Reply welcome() {
        return conversation().welcome();
    }

    /**
     * Up to eight questions of the category and its sub-categories (a menu's "category:12345" lists 12345/户籍证件's
     * too), as bullets (not numbers: a number would not pick one on WeChat).
     */
    @Override
    public Reply category(String openId, String category) {
        List<String> questions = List.of();
        if (indexes != null) {
            KnowledgeIndex index = indexes.acquire();
            if (index != null) {
                try {
                    questions = index.entries().values().stream().filter(e -> e.inCategory(category))
                            .sorted(Comparator.comparing(Entry::id)).limit(CATEGORY_QUESTIONS).map(Entry::question).toList();
                } finally {
                    index.release();
                }
            }
        }
        if (questions.isEmpty()) return answer(openId, category);
        StringBuilder text = new StringBuilder("【").append(category).append("】大家常问：");
        for (String q : questions) text.append("\n· ").append(q);
        text.append("\n请直接发送您想了解的问题。");
        return Reply.of(ReplyType.ANSWER, ReplyAct.FAQ, text.toString(), "menu category " + category);
    }
}
