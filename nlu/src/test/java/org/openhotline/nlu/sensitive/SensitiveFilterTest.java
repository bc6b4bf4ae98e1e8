package org.openhotline.nlu.sensitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveFilterTest {
    private static final SensitiveLexicon LEXICON = SensitiveLexicon.builder()
            .add("法轮功", Category.POLITICS)
            .add("出售炸药", Category.VIOLENCE)
            .add("傻逼", Category.ABUSE)
            .add("王八蛋", Category.ABUSE)
            .add("足球投注", Category.FRAUD_AD)
            .add("开房记录", Category.PERSONAL_DATA)
            .add("裸聊", Category.PORN)
            .build();

    private static SensitivePolicy policy() {
        return SensitivePolicy.builder()
                .set(Direction.INBOUND, Category.POLITICS, Action.BLOCK)
                .set(Direction.INBOUND, Category.VIOLENCE, Action.FLAG)
                .set(Direction.INBOUND, Category.ABUSE, Action.MASK)
                .set(Direction.INBOUND, Category.FRAUD_AD, Action.MASK)
                .reply(Category.POLITICS, "不在服务范围")
                .build();
    }

    private final SensitiveFilter filter = new SensitiveFilter(LEXICON, policy());

    @Test
    void cleanTextPassesUnchanged() {
        String text = "我的社保卡丢了怎么补办？";
        SensitiveResult r = filter.check(text, Direction.INBOUND);
        assertTrue(r.clean());
        assertFalse(r.blocked());
        assertSame(text, r.text());
        assertNull(r.reply());
        assertNull(r.reason());
    }

    @Test
    void inboundFlagDeliversTheOriginal() {
        String text = "小区有人出售炸药";
        SensitiveResult r = filter.check(text, Direction.INBOUND);
        assertEquals(1, r.hits().size());
        assertEquals(Action.FLAG, r.hits().get(0).action());
        assertEquals(text, r.text());
        assertFalse(r.blocked());
    }

    @Test
    void inboundMaskReplacesEachMatchedCharacter() {
        SensitiveResult r = filter.check("你这个傻 逼，王八蛋！", Direction.INBOUND);
        assertEquals("你这个＊ ＊，＊＊＊！", r.text());
        assertFalse(r.blocked());
        assertEquals(2, r.count(Category.ABUSE), "abuse is counted for the transfer policy");
        assertEquals(2, r.counts().get(Category.ABUSE));
    }

    @Test
    void inboundBlockUsesTheCategoryReply() {
        SensitiveResult r = filter.check("足球投注，法轮功好", Direction.INBOUND);
        assertTrue(r.blocked());
        assertEquals("不在服务范围", r.reply());
        assertEquals(List.of(Category.POLITICS), r.blockingHits().stream().map(SensitiveHit::category).toList());
        assertEquals("＊＊＊＊，＊＊＊好", r.text(), "the audit copy is masked too");
    }

    @Test
    void inboundBlockWithoutCategoryReplyUsesTheDefault() {
        SensitiveResult r = filter.check("有没有裸聊", Direction.INBOUND);
        assertTrue(r.blocked());
        assertEquals(SensitivePolicy.DEFAULT_BLOCK_REPLY, r.reply());
    }

    @Test
    void outboundBlocksAndTellsTheAgentWhichWordAndWhy() {
        SensitiveResult r = filter.check("您查询的开房记录如下", Direction.OUTBOUND);
        assertTrue(r.blocked());
        assertNull(r.reply(), "nothing is said to the citizen; the agent reads the reason");
        assertTrue(r.reason().contains("开房记录"), r.reason());
        assertTrue(r.reason().contains("personal_data"), r.reason());
        SensitiveHit h = r.blockingHits().get(0);
        assertEquals(4, h.start());
        assertEquals(8, h.end());
    }

    @Test
    void outboundPolicyCanBeRelaxedPerCategory() {
        filter.reload(policy().toBuilder().set(Direction.OUTBOUND, Category.ABUSE, Action.MASK).build());
        SensitiveResult r = filter.check("他骂您王八蛋", Direction.OUTBOUND);
        assertFalse(r.blocked());
        assertEquals("他骂您＊＊＊", r.text());
    }

    @Test
    void reloadSwapsTheLexicon() {
        assertTrue(filter.check("投诉代办黄牛", Direction.INBOUND).clean());
        filter.reload(SensitiveLexicon.builder().add("代办黄牛", Category.FRAUD_AD).build());
        SensitiveResult r = filter.check("投诉代办黄牛", Direction.INBOUND);
        assertEquals("投诉＊＊＊＊", r.text());
        assertTrue(filter.check("法轮功", Direction.INBOUND).clean(), "the old words are gone");
    }

    @Test
    void personalDataDetectorSpansJoinTheHits() {
        PersonalDataDetector idNumbers = text -> {
            int i = text.indexOf("11010519491231002X");
            return i < 0 ? List.of() : List.of(new PersonalDataDetector.Span(i, i + 18, "id_number"));
        };
        SensitiveFilter f = new SensitiveFilter(LEXICON, policy().toBuilder().set(Direction.INBOUND, Category.PERSONAL_DATA, Action.MASK).build(), idNumbers);
        SensitiveResult r = f.check("他的号11010519491231002X", Direction.INBOUND);
        assertEquals(1, r.hits().size());
        assertEquals(MatchMode.DETECTOR, r.hits().get(0).mode());
        assertEquals("他的号＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊", r.text());
    }

    @Test
    void maskCoversTheWholeSpanOneStarPerCodePoint() {
        SensitiveFilter f = new SensitiveFilter(SensitiveLexicon.builder().add("炸药", Category.VIOLENCE).build(),
                SensitivePolicy.builder().set(Direction.INBOUND, Category.VIOLENCE, Action.MASK).build());
        assertEquals("买＊＊＊", f.check("买炸😀药", Direction.INBOUND).text(), "the inserted emoji is part of the evasion");
    }

    @Test
    void defaultsFlagReportsAndBlockPoliticsInboundAndBlockEverythingOutbound() {
        SensitivePolicy d = SensitivePolicy.defaults();
        assertEquals(Action.FLAG, d.action(Direction.INBOUND, Category.VIOLENCE));
        assertEquals(Action.MASK, d.action(Direction.INBOUND, Category.ABUSE));
        assertEquals(Action.BLOCK, d.action(Direction.INBOUND, Category.POLITICS));
        for (Category c : Category.values()) assertEquals(Action.BLOCK, d.action(Direction.OUTBOUND, c));
    }

    @Test
    void hostileInputNeverThrows() {
        for (String s : new String[] {null, "", "\u0000\u0001\u0002", "\uDC00\uD800", "＊＊＊", " \n\t "}) {
            SensitiveResult r = filter.check(s, Direction.INBOUND);
            assertFalse(r.blocked());
        }
    }
}
