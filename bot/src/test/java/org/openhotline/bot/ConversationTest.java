package org.openhotline.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.faq.ConfidenceTiers;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.InMemorySessionStore;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.nlu.embed.BgeSmallZhEmbedder;
import org.openhotline.nlu.embed.CachingEmbedder;
import org.openhotline.nlu.intent.HumanRequestDetector;
import org.openhotline.nlu.pinyin.PinyinConverter;
import org.openhotline.nlu.repair.HomophoneRepairer;
import org.openhotline.nlu.sensitive.SensitiveFilter;

/** The conversation over a real index of a few entries: the paths a citizen can take through one turn. */
class ConversationTest {
    static final FusionModel FUSION = new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3});
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path dir;
    static IndexManager indexes;
    static IndexAnalysis analysis;
    static CachingEmbedder embedder;

    @BeforeAll
    static void index() {
        analysis = IndexAnalysis.bundled();
        embedder = new CachingEmbedder(new BgeSmallZhEmbedder(), 1000);
        indexes = new IndexManager(dir, new IndexBuilder(analysis, embedder));
        List<Entry> kb = List.of(
                Entry.of("card-lost", "社保/社保卡", "社保卡丢了怎么补办", List.of("社保卡掉了咋办", "补办社会保障卡"), "社保卡遗失后请先挂失，再到经办网点或线上渠道申请补卡。"),
                Entry.of("card-activate", "社保/社保卡", "社保卡怎么激活", List.of("新社保卡如何启用"), "新领的社保卡需要到银行网点激活金融功能。"),
                Entry.of("card-e", "社保/社保卡", "电子社保卡怎么申领", List.of("手机上怎么领电子社保卡"), "可通过掌上12333等渠道申领电子社保卡。"),
                Entry.of("hf-rent", "公积金/提取", "租房如何提取住房公积金", List.of("租房子能取公积金吗", "租房提公积金"), "租房提取公积金可通过公积金中心线上渠道办理。"),
                Entry.of("mi-remote", "医保/异地就医", "异地就医如何备案", List.of("去外地看病医保怎么备案"), "异地就医可通过国家医保服务平台APP办理备案。"));
        indexes.load(1, kb, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        indexes.close();
    }

    static Conversation conversation(ConfidenceTiers tiers) {
        return conversation(tiers, org.openhotline.bot.audit.SensitiveAuditLog.NONE);
    }

    static Conversation conversation(ConfidenceTiers tiers, org.openhotline.bot.audit.SensitiveAuditLog audit) {
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, RetrievalSettings.defaults(FUSION)), tiers, RetrievalMode.HYBRID);
        return Conversation.builder().analyzer(nlu()).humanRequests(HumanRequestDetector.bundled(new PinyinConverter()))
                .faq(faq).indexes(indexes).sessions(new InMemorySessionStore(1000))
                .pinnedQuestions(List.of("hf-rent")).clock(CLOCK).speechRepair(new HomophoneRepairer(new PinyinConverter()))
                .sensitive(SensitiveFilter.bundled()).auditLog(audit).build();
    }

    private static org.openhotline.nlu.Analyzer nlu;

    /** One analyser for the class: the intent models train once. */
    static synchronized org.openhotline.nlu.Analyzer nlu() {
        if (nlu == null) {
            nlu = new org.openhotline.nlu.Analyzer(analysis.normalizer(), analysis.segmenter(), new org.openhotline.nlu.entity.EntityExtractor(),
                    org.openhotline.nlu.intent.IntentClassifier.bundled(), SensitiveFilter.bundled());
        }
        return nlu;
    }

    @Test
    void everyCheckWithHitsIsAuditedNotOnlyRefusedOnes() {
        List<String> seen = new java.util.ArrayList<>();
        Conversation c = conversation(new ConfidenceTiers(0.5, 0.02, 0.1),
                (sid, result) -> seen.add(sid + " " + result.direction() + " " + result.blocked() + " " + result.hits().get(0).category()));
        c.handle("a1", "我的社保卡丢了，怎么补办？");
        assertTrue(seen.isEmpty(), seen.toString());
        c.handle("a2", "法 * 轮 功怎么样");
        c.handle("a3", "楼下有人在家里存放炸药怎么办");
        assertEquals("a2 INBOUND true POLITICS", seen.get(0));
        assertTrue(seen.stream().anyMatch(x -> x.startsWith("a3 INBOUND false")), seen.toString());
    }

    @Test
    void aFailingAuditLogDoesNotBreakTheReply() {
        Conversation c = conversation(new ConfidenceTiers(0.5, 0.02, 0.1), (sid, result) -> { throw new IllegalStateException("down"); });
        assertEquals(ReplyType.FALLBACK, c.handle("a4", "法 * 轮 功怎么样").type());
    }

    @Test
    void answersAConfidentQuestionWithTheApprovedText() {
        Reply r = conversation(new ConfidenceTiers(0.5, 0.02, 0.1)).handle("s1", "我的社保卡丢了，怎么补办？");
        assertEquals(ReplyType.ANSWER, r.type());
        assertEquals("card-lost", r.entryId());
        assertTrue(r.text().startsWith("社保卡遗失后"));
    }

    @Test
    void clarifiesWithNumberedChoicesAndAcceptsTheNumber() {
        Conversation c = conversation(new ConfidenceTiers(0.999, 0.5, 0.0)); // never sure enough: always clarify
        Reply first = c.handle("s2", "社保卡的事");
        assertEquals(ReplyType.CLARIFY, first.type());
        assertEquals(3, first.options().size());
        assertTrue(first.text().contains("1. "), first.text());
        String second = first.options().get(1).entryId();
        Reply pick = c.handle("s2", "2");
        assertEquals(ReplyType.ANSWER, pick.type());
        assertEquals(second, pick.entryId());
    }

    @Test
    void aPickIsOnlyReadRightAfterChoicesWereOffered() {
        Conversation c = conversation(new ConfidenceTiers(0.5, 0.02, 0.1));
        assertEquals(ReplyType.ANSWER, c.handle("s3", "租房子能取公积金吗").type());
        Reply r = c.handle("s3", "2");
        assertFalse(String.valueOf(r.reason()).startsWith("chosen option"), "a bare number after an answer is not a pick");
    }

    @Test
    void transfersOnRequestForAHumanEvenInTheMiddleOfChoices() {
        Conversation c = conversation(new ConfidenceTiers(0.999, 0.5, 0.0));
        c.handle("s4", "社保卡");
        Reply r = c.handle("s4", "转人工");
        assertEquals(ReplyType.TRANSFER, r.type());
        assertNull(r.entryId());
    }

    @Test
    void fallsBackPolitelyWithHotQuestionsPinnedFirst() {
        Reply r = conversation(new ConfidenceTiers(0.999, 0.5, 0.99)).handle("s5", "护照过期了怎么续签");
        assertEquals(ReplyType.FALLBACK, r.type(), r.toString());
        assertEquals("hf-rent", r.options().get(0).entryId());
        assertTrue(r.text().contains("转人工"));
    }

    @Test
    void chitChatAndThanksGetAPoliteReplyNotAFallback() {
        Conversation c = conversation(new ConfidenceTiers(0.999, 0.5, 0.99));
        Reply weather = c.handle("s5b", "今天天气怎么样");
        assertEquals(org.openhotline.bot.message.ReplyAct.SMALLTALK, weather.act(), weather.toString());
        Reply thanks = c.handle("s5b", "好的谢谢你");
        assertEquals(org.openhotline.bot.message.ReplyAct.SMALLTALK, thanks.act(), thanks.toString());
        assertTrue(thanks.text().contains("不客气"), thanks.text());
        Reply hello = c.handle("s5c", "你好");
        assertEquals(org.openhotline.bot.message.ReplyAct.WELCOME, hello.act());
        assertEquals("hf-rent", hello.options().get(0).entryId(), "the welcome lists the pinned question first");
        assertEquals(ReplyType.ANSWER, c.handle("s5c", "1").type(), "a hot question in the welcome can be picked by number");
    }

    @Test
    void anEmptyOrEmojiOnlyMessageIsAnsweredWithAPrompt() {
        Reply r = conversation(new ConfidenceTiers(0.5, 0.02, 0.1)).handle("s6", " \uD83D\uDE00 ");
        assertEquals(ReplyType.FALLBACK, r.type());
        assertEquals("empty", r.reason());
    }

    @Test
    void repairsAHomophoneFromSpeechBeforeSearching() {
        Reply r = conversation(new ConfidenceTiers(0.5, 0.02, 0.1)).handle("s7", "一地就一怎么被案");
        assertEquals("mi-remote", r.type() == ReplyType.ANSWER ? r.entryId() : r.options().get(0).entryId(), r.toString());
    }

    @Test
    void aRefusedMessageGetsThePolicysReplyAndIsNotSearched() {
        Reply r = conversation(new ConfidenceTiers(0.5, 0.02, 0.1)).handle("s8", "法 * 轮 功怎么样");
        assertEquals(ReplyType.FALLBACK, r.type());
        assertTrue(r.reason().startsWith("inbound refused"), r.reason());
        assertFalse(r.text().contains("法"), "the reply does not echo the word");
    }

    @Test
    void anAnswerCarryingABlockedWordIsWithheld() throws Exception {
        java.nio.file.Path other = java.nio.file.Files.createTempDirectory("conv-out");
        IndexManager bad = new IndexManager(other, new IndexBuilder(analysis, embedder));
        List<String> audited = new java.util.ArrayList<>();
        try {
            bad.load(1, List.of(Entry.of("bad", "x", "社保卡丢了怎么补办", List.of(), "请先到法轮功网站登记。")), ProgressListener.NONE);
            FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, RetrievalSettings.defaults(FUSION)),
                    new ConfidenceTiers(0.0, 0.0, 0.0), RetrievalMode.HYBRID); // always answer
            Conversation c = Conversation.builder().analyzer(nlu()).humanRequests(HumanRequestDetector.bundled(new PinyinConverter()))
                    .faq(faq).indexes(bad).clock(CLOCK).sensitive(SensitiveFilter.bundled())
                    .auditLog((sid, result) -> audited.add(sid + " " + result.direction() + " " + result.blocked())).build();
            Reply r = c.handle("s9", "社保卡丢了怎么补办");
            assertEquals(List.of("s9 OUTBOUND true"), audited);
            assertEquals(ReplyType.FALLBACK, r.type(), r.toString());
            assertTrue(r.reason().startsWith("outbound withheld"), r.reason());
            assertFalse(r.text().contains("法轮功"));
        } finally {
            bad.close();
        }
    }

    @Test
    void whenTheBotHandsOverItselfTheAdviceToAskForAPersonIsDropped() {
        assertEquals("抱歉，社保系统暂时无法查询，请稍后再试。",
                org.openhotline.bot.flow.FlowTurn.withoutAskingForAPerson("抱歉，社保系统暂时无法查询，请稍后再试，或回复“转人工”。"));
        assertEquals("抱歉，社保系统响应超时，暂时无法查询。您可以稍后再试。",
                org.openhotline.bot.flow.FlowTurn.withoutAskingForAPerson("抱歉，社保系统响应超时，暂时无法查询。您可以稍后再试，或回复“转人工”由工作人员帮您查询。"));
        assertEquals("", org.openhotline.bot.flow.FlowTurn.withoutAskingForAPerson("请回复“转人工”。"));
    }

    @Test
    void aTransferCarriesTheSummaryTheAgentNeeds() {
        org.openhotline.bot.handoff.InMemoryHandoff desk = new org.openhotline.bot.handoff.InMemoryHandoff();
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, RetrievalSettings.defaults(FUSION)),
                new ConfidenceTiers(0.5, 0.02, 0.1), RetrievalMode.HYBRID);
        Conversation c = Conversation.builder().analyzer(nlu()).faq(faq).indexes(indexes).clock(CLOCK).handoff(desk)
                .skillGroups(org.openhotline.bot.transfer.SkillGroups.parse(List.of("社保=社保"), "12345")).build();
        assertEquals(ReplyType.ANSWER, c.handle("h1", "社保卡丢了怎么补办，我电话13912345678").type());
        Reply r = c.handle("h1", "转人工");
        assertEquals(ReplyType.TRANSFER, r.type());
        assertEquals("keyword", r.transfer());
        var summary = desk.requests().get(0).summary();
        assertEquals("keyword", summary.reason());
        assertEquals("社保", summary.skillGroup(), "the group follows the topic of the last answer");
        assertEquals("card-lost", summary.topic());
        assertTrue(summary.transcript().get(0).contains("社保卡丢了怎么补办"), summary.transcript().toString());
        assertTrue(summary.transcript().get(1).startsWith("bot: 社保卡遗失后"), summary.transcript().toString());
        assertEquals("citizen: 转人工", summary.transcript().get(summary.transcript().size() - 1));
        assertTrue(summary.entities().contains("phone=13912345678"), "the agent sees the number whole: " + summary.entities());
        assertTrue(summary.intents().contains("ask_human"), summary.intents().toString());
        assertEquals(ReplyType.TRANSFER, c.handle("h1", "还要等多久").type(), "while handed over, messages go to the desk");
        assertEquals(List.of("h1: 还要等多久"), desk.relayed());
    }

    @Test
    void theMessageLogKeepsBothSidesWithPersonalDataMaskedInTheNluRecord() {
        org.openhotline.bot.log.InMemoryMessageLog log = new org.openhotline.bot.log.InMemoryMessageLog(100);
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, RetrievalSettings.defaults(FUSION)),
                new ConfidenceTiers(0.5, 0.02, 0.1), RetrievalMode.HYBRID);
        Conversation c = Conversation.builder().analyzer(nlu()).faq(faq).indexes(indexes).clock(CLOCK).messages(log).build();
        c.handle("m1", "社保卡丢了怎么补办，我电话13912345678");
        var all = log.all();
        assertEquals(2, all.size());
        assertEquals("in", all.get(0).direction());
        assertTrue(all.get(0).nlu().contains("\"type\":\"phone\""), all.get(0).nlu());
        assertFalse(all.get(0).nlu().contains("13912345678"), "the NLU record masks the number: " + all.get(0).nlu());
        assertEquals("card-lost", all.get(1).entryId());
        assertEquals("faq", all.get(1).act());
        assertTrue(all.get(1).confidence() > 0.5);
    }
}
