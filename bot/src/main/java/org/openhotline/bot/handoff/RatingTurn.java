package org.openhotline.bot.handoff;

import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.openhotline.bot.BotTexts;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.SessionMode;

/**
 * Rating mode after a chat with a person (text channels: WeChat, later SMS): the citizen replies a level, then may
 * add one comment. A reply that is neither is not swallowed: the session goes back to the bot, which answers it.
 */
public final class RatingTurn {
    /** Level words, longest first so that 非常满意 is not read as 满意. */
    private static final String[][] WORDS = {{"非常不满意", "1"}, {"非常满意", "5"}, {"不满意", "2"}, {"满意", "4"}, {"一般", "3"}};
    private static final Pattern QUESTION = Pattern.compile(".*([?？吗呢]|怎么|如何|什么|哪里|哪儿|多少|能不能|可不可以|是否|请问|转人工).*");

    private static final Pattern IGNORED = Pattern.compile("[。.!！~～\\s]");

    private final SatisfactionSink sink;
    private final BotTexts texts;

    public RatingTurn(SatisfactionSink sink, BotTexts texts) {
        this.sink = sink;
        this.texts = texts;
    }

    /** 1..5 from "5", "５", "5分", "非常满意"; empty otherwise. */
    public static OptionalInt level(String reply) {
        if (reply == null) return OptionalInt.empty();
        String t = IGNORED.matcher(reply.strip()).replaceAll("");
        if (t.endsWith("分") || t.endsWith("星")) t = t.substring(0, t.length() - 1);
        if (t.length() == 1) {
            char c = t.charAt(0);
            if (c >= '１' && c <= '５') c = (char) ('1' + (c - '１'));
            if (c >= '1' && c <= '5') return OptionalInt.of(c - '0');
        }
        for (String[] w : WORDS) if (t.equals(w[0])) return OptionalInt.of(Integer.parseInt(w[1]));
        return OptionalInt.empty();
    }

    /** The reply in rating mode, or null when the message is not a rating (the bot handles it as usual). */
    public Reply step(ConversationSession s, String text) {
        String chatId = s.handoffId();
        if (s.ratedChat() == null) {
            OptionalInt level = level(text);
            if (level.isEmpty() || chatId == null || !rate(s.id(), chatId, level.getAsInt())) return leave(s);
            s.ratedChat(chatId);
            return Reply.of(ReplyType.ANSWER, ReplyAct.RATED, texts.get("rated"),
                    "rated chat " + chatId + ": " + level.getAsInt());
        }
        String comment = text == null ? "" : text.strip();
        if (comment.isEmpty() || QUESTION.matcher(comment).matches()) return leave(s);
        String rated = s.ratedChat();
        leave(s);
        boolean stored;
        try {
            stored = sink.comment(s.id(), rated, comment);
        } catch (RuntimeException e) {
            stored = false;
        }
        return Reply.of(ReplyType.ANSWER, ReplyAct.RATED, texts.get(stored ? "rating-comment-stored" : "rating-comment-thanks"),
                "comment on chat " + rated + (stored ? "" : " not stored"));
    }

    private boolean rate(String sessionId, String chatId, int level) {
        try {
            return sink.rate(sessionId, chatId, level, java.util.List.of(), null);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Reply leave(ConversationSession s) {
        s.mode(SessionMode.BOT);
        s.handoffId(null);
        s.ratedChat(null);
        return null;
    }
}
