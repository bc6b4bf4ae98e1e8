package org.openhotline.bot.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.session.ConversationSession;
import org.openhotline.bot.session.SessionMode;

/** Reading a rating reply, and the rating mode's two steps (level, then one comment) with its way out. */
class RatingTurnTest {
    final List<String> got = new ArrayList<>();
    final SatisfactionSink sink = new SatisfactionSink() {
        @Override
        public boolean rate(String sessionId, String chatId, int level, List<String> tags, String comment) {
            got.add(sessionId + " " + chatId + " " + level);
            return true;
        }

        @Override
        public boolean comment(String sessionId, String chatId, String comment) {
            got.add(sessionId + " " + chatId + " " + comment);
            return true;
        }
    };

    @Test
    void levelsAreNumbersOrWords() {
        assertEquals(OptionalInt.of(5), RatingTurn.level("5"));
        assertEquals(OptionalInt.of(4), RatingTurn.level(" ４ "));
        assertEquals(OptionalInt.of(3), RatingTurn.level("3分"));
        assertEquals(OptionalInt.of(5), RatingTurn.level("非常满意！"));
        assertEquals(OptionalInt.of(4), RatingTurn.level("满意"));
        assertEquals(OptionalInt.of(1), RatingTurn.level("非常不满意"));
        assertEquals(OptionalInt.of(2), RatingTurn.level("不满意。"));
        assertEquals(OptionalInt.of(3), RatingTurn.level("一般"));
        assertEquals(OptionalInt.empty(), RatingTurn.level("6"));
        assertEquals(OptionalInt.empty(), RatingTurn.level("12"));
        assertEquals(OptionalInt.empty(), RatingTurn.level("我不满意你们的服务态度"));
    }

    static ConversationSession rating(String chatId) {
        ConversationSession s = new ConversationSession("cit", "wechat", Instant.EPOCH);
        s.mode(SessionMode.RATING);
        s.handoffId(chatId);
        return s;
    }

    @Test
    void aLevelThenACommentAreStoredAndTheBotTakesOver() {
        RatingTurn turn = new RatingTurn(sink, org.openhotline.bot.BotTexts.defaults());
        ConversationSession s = rating("42");
        assertEquals(ReplyAct.RATED, turn.step(s, "5").act());
        assertEquals(SessionMode.RATING, s.mode());
        assertEquals(ReplyAct.RATED, turn.step(s, "办得很快，谢谢").act());
        assertEquals(List.of("cit 42 5", "cit 42 办得很快，谢谢"), got);
        assertEquals(SessionMode.BOT, s.mode());
    }

    @Test
    void aQuestionInsteadOfACommentOrALevelGoesToTheBot() {
        RatingTurn turn = new RatingTurn(sink, org.openhotline.bot.BotTexts.defaults());
        ConversationSession s = rating("7");
        turn.step(s, "4");
        assertNull(turn.step(s, "公积金怎么提取？"));
        assertEquals(SessionMode.BOT, s.mode());
        ConversationSession t = rating("8");
        assertNull(turn.step(t, "社保卡丢了"));
        assertEquals(SessionMode.BOT, t.mode());
        assertEquals(List.of("cit 7 4"), got);
    }
}
