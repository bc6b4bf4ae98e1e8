package org.openhotline.nlu.sensitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped lexicon catches known bad messages, evasions included, under the default policy. */
class BundledLexiconTest {
    private static final SensitiveFilter FILTER = SensitiveFilter.bundled();

    private static void caught(Category expected, String text) {
        List<SensitiveHit> hits = FILTER.check(text, Direction.INBOUND).hits();
        assertTrue(hits.stream().anyMatch(h -> h.category() == expected), () -> "no " + expected + " hit in: " + text + " " + hits);
    }

    @Test
    void everyCategoryIsShipped() {
        Map<Category, Integer> sizes = SensitiveLexicon.bundled().sizes();
        for (Category c : Category.values()) assertTrue(sizes.get(c) > 20, c + " has " + sizes.get(c));
        assertFalse(SensitiveLexicon.bundled().whitelist().isEmpty());
    }

    @Test
    void knownBadMessagesAreCaught() {
        caught(Category.POLITICS, "法轮功是好的");
        caught(Category.POLITICS, "大家学 f.a.l.u.n.g.o.n.g");
        caught(Category.POLITICS, "發 輪 功");
        caught(Category.VIOLENCE, "哪里有出售仿真枪的");
        caught(Category.VIOLENCE, "求自制炸药配方");
        caught(Category.PORN, "有没有一夜情的");
        caught(Category.FRAUD_AD, "足球投注，日赚千元");
        caught(Category.ABUSE, "你们这帮狗官");
        caught(Category.ABUSE, "客服是sb吧");
        caught(Category.ABUSE, "cao ni ma");
        caught(Category.ABUSE, "你个煞笔");
        caught(Category.PERSONAL_DATA, "我把他的开房记录发给你");
        caught(Category.PERSONAL_DATA, "他的身份证号是多少我都知道");
    }

    @Test
    void defaultPolicyInAction() {
        SensitiveResult abuse = FILTER.check("你们这帮傻逼", Direction.INBOUND);
        assertEquals("你们这帮＊＊", abuse.text());
        assertEquals(1, abuse.count(Category.ABUSE));
        SensitiveResult report = FILTER.check("举报楼下有人出售手枪", Direction.INBOUND);
        assertFalse(report.blocked(), "a citizen reporting a crime reaches a person");
        assertEquals("举报楼下有人出售手枪", report.text());
        assertTrue(FILTER.check("法轮功", Direction.INBOUND).blocked());
        assertTrue(FILTER.check("您说的傻逼是谁", Direction.OUTBOUND).blocked());
    }

    @Test
    void legitimatePhrasesStayClean() {
        for (String ok : List.of("材料可以一次性交齐吗", "高速出口交费", "习近平总书记强调", "智障人士可以申请残疾人补贴吗",
                "兼职会计工伤怎么认定", "单位招聘要备案吗", "委托代理人办理需要什么材料", "聚集性交叉感染")) {
            assertTrue(FILTER.check(ok, Direction.OUTBOUND).clean(), () -> ok + " → " + FILTER.check(ok, Direction.OUTBOUND).hits());
        }
    }

    @Test
    void aFolderOverridesShippedFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("abuse.txt"), "# test\n~菜鸡\n");
        SensitiveLexicon lex = SensitiveLexicon.load(dir);
        assertEquals(1, lex.sizes().get(Category.ABUSE));
        assertTrue(lex.sizes().get(Category.POLITICS) > 20, "other files still come from the jar");
        assertTrue(lex.entries().stream().anyMatch(e -> e.word().equals("菜鸡") && e.homophoneProne()));
    }
}
