package org.openhotline.bot.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.session.Topic;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.segment.Segmenter;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveResult;
import org.openhotline.nlu.text.NormalizedText;
import org.openhotline.nlu.text.TextNormalizer;

/** The rewriter over a tiny lexicon and tiny cues, so each rule is seen on its own example. */
class FollowUpRewriterTest {
    static final DomainLexicon LEXICON = new DomainLexicon(
            Set.of("医保", "社保", "异地就医", "备案", "报销", "社保卡", "医保卡", "挂失", "补办", "养老保险", "个人账户",
                    "城乡居民医保", "居住证", "身份证", "工伤认定", "门诊", "住院"),
            List.of(List.of("公积金", "住房公积金"), List.of("医保", "医疗保险")),
            Set.of("的", "了", "吗", "呢", "我"));
    static final FollowUpCues CUES = new FollowUpCues(List.of(
            "lead: 那么 那",
            "neutral-lead: 还有 另外",
            "tail: 呢",
            "pronoun: 这个 它",
            "how: 怎么 如何 怎么办",
            "function: 怎么 如何 什么 哪些 吗 呢 的 了 是 有 能 要 需要 可以 办 办理 后 以后",
            "aspect 材料: 材料 资料",
            "aspect 时间: 时间 限制 多久",
            "aspect 金额: 比例 报销比例",
            "aspect 地点: 外地",
            "action: 备案 报销 补办 挂失 参保 登记 继承 申请",
            "domain: 医保 社保 公积金 养老保险 社保卡 医保卡 城乡居民医保",
            "contrast 就诊: 门诊 住院",
            "contrast 人群: 城乡居民 居民 大学生",
            "contrast 证照: 居住证 身份证"));
    static final Segmenter SEGMENTER = new Segmenter(LEXICON.domainWords());
    static final FollowUpRewriter REWRITER = new FollowUpRewriter(SEGMENTER, LEXICON, CUES);

    static final Topic REMOTE = new Topic("mi-015", "异地就医如何备案", "医保/异地就医", "医保异地就医怎么备案");

    static Analysis analyse(String text) {
        NormalizedText t = new TextNormalizer().normalize(text);
        return new Analysis(t, SEGMENTER.segment(t.normalized()), new EntityExtractor().extract(text, LocalDateTime.now()).entities(),
                List.of(), new SensitiveResult(Direction.INBOUND, List.of(), text, false, null), false);
    }

    static String rewrite(String message, Topic previous) {
        return REWRITER.rewrite(analyse(message), previous);
    }

    @Test
    void anAspectAloneIsAskedAboutTheLastTopic() {
        assertEquals("医保异地就医备案需要什么材料", rewrite("需要什么材料", REMOTE), "category word, question's key terms, then the message");
    }

    @Test
    void anActionOfItsOwnTakesThePlaceOfThePreviousOne() {
        assertEquals("医保异地就医报销比例", rewrite("那报销比例呢", REMOTE), "报销 instead of 备案; 那 and 呢 dropped");
    }

    @Test
    void theAspectOfThePreviousQuestionGivesWayToTheNewOne() {
        Topic limit = new Topic("si-017", "工伤认定申请有时间限制吗", "社保/工伤保险", "工伤认定有没有时限");
        String q = rewrite("要准备哪些材料", limit);
        assertNotNull(q);
        assertTrue(q.contains("工伤认定") && q.endsWith("要准备哪些材料"), q);
        assertFalse(q.contains("时间") || q.contains("限制"), q);
    }

    @Test
    void aRivalWordIsSwappedNotAdded() {
        String q = rewrite("那住院呢", new Topic("mi-008", "门诊看病医保怎么报销", "医保/报销", "门诊看病医保怎么报销"));
        assertNotNull(q);
        assertTrue(q.contains("住院") && q.contains("医保") && q.contains("报销"), q);
        assertFalse(q.contains("门诊"), q);
    }

    @Test
    void aRivalInsideALongerTermIsReplacedThere() {
        String q = rewrite("那大学生呢", new Topic("mi-001", "城乡居民医保怎么参保登记", "医保/参保", "居民医保怎么办理参保"));
        assertNotNull(q);
        assertTrue(q.startsWith("大学生医保"), q);
    }

    @Test
    void switchingTheLineOfBusinessKeepsWhatWasAskedButNotTheOldLinesOwnWords() {
        Topic inherit = new Topic("si-008", "参保人去世后养老保险个人账户余额可以继承吗", "社保/养老保险", "养老保险能继承吗");
        String q = rewrite("那公积金呢", inherit);
        assertNotNull(q);
        assertTrue(q.contains("公积金") && q.contains("继承") && q.contains("去世"), q);
        assertFalse(q.contains("养老保险") || q.contains("个人账户") || q.contains("社保"), q);
    }

    @Test
    void theCitizensOwnWordForTheSubjectWins() {
        Topic wrongCard = new Topic("mi-033", "医保卡丢了怎么补办", "医保/医保卡", "社保卡丢了怎么补办");
        String q = rewrite("那怎么挂失", wrongCard);
        assertNotNull(q);
        assertTrue(q.contains("社保卡") && q.contains("挂失"), q);
        assertFalse(q.contains("医保卡") || q.contains("补办"), q);
    }

    @Test
    void aQuestionWithASubjectOfItsOwnIsLeftAlone() {
        assertNull(rewrite("身份证丢了怎么补办", new Topic("si-025", "社保卡丢了怎么补办", "社保/社保卡", "社保卡丢了怎么补办")));
        assertNull(rewrite("居住证怎么办理", new Topic("mi-009", "住院费用医保报销流程是什么", "医保/报销", "住院怎么报销")),
                "short, but it asks how to do something with a subject of its own");
        assertNull(rewrite("那公积金余额怎么查呢", REMOTE), "那…呢 does not make a full question a follow-up");
    }

    @Test
    void aSubjectAloneIsAFollowUpEvenWithoutASign() {
        String q = rewrite("外地户口可以吗", new Topic("gs-033", "护照怎么办理", "12345/出入境", "护照怎么办理"));
        assertEquals("护照外地户口可以吗", q);
    }

    @Test
    void openingWordsAreNotCutOutOfAWord() {
        Topic licence = new Topic("gs-008", "营业执照怎么办理", "12345/市场主体", "营业执照怎么办理");
        DomainLexicon withSelfEmployed = new DomainLexicon(Set.of("营业执照", "个体户"), List.of(), Set.of());
        FollowUpRewriter r = new FollowUpRewriter(new Segmenter(withSelfEmployed.domainWords()), withSelfEmployed,
                new FollowUpCues(List.of("lead: 那 那个", "tail: 呢", "contrast 证照: 营业执照 个体户")));
        assertEquals("个体户", r.rewrite(analyse("那个体户呢"), licence), "那 + 个体户, not 那个 + 体户; 个体户 replaces 营业执照");
    }

    @Test
    void anAnalysisItCannotReadIsSearchedAsWritten() {
        NormalizedText t = new TextNormalizer().normalize("医保呢");
        Analysis broken = new Analysis(t, SEGMENTER.segment(t.normalized()),
                List.of(new org.openhotline.nlu.entity.Entity(org.openhotline.nlu.entity.EntityType.INSURANCE_TYPE, "医疗", 2, 40, 0.9)),
                List.of(), new SensitiveResult(Direction.INBOUND, List.of(), "医保呢", false, null), false);
        assertNull(REWRITER.rewrite(broken, REMOTE), "an entity span beyond the text: no rewrite, no exception");
    }

    @Test
    void nothingToLeanOnOrNothingSaidGivesNoRewrite() {
        assertNull(REWRITER.rewrite(analyse("需要什么材料"), null));
        assertNull(rewrite("那呢", REMOTE));
        assertNull(rewrite("？", REMOTE));
    }
}
