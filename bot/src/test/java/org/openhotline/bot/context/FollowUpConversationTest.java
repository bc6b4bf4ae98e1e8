package org.openhotline.bot.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.Turn;
import org.openhotline.bot.faq.ConfidenceTiers;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.embed.BgeSmallZhEmbedder;
import org.openhotline.nlu.embed.CachingEmbedder;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.intent.IntentClassifier;
import org.openhotline.nlu.sensitive.SensitiveFilter;

/** The rewriter inside a conversation over a real index: a follow-up found through the topic, a new question left alone. */
class FollowUpConversationTest {
    static final FusionModel FUSION = new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3});

    @TempDir
    static Path dir;
    static IndexManager indexes;
    static IndexAnalysis analysis;
    static CachingEmbedder embedder;
    static Analyzer nlu;

    @BeforeAll
    static void index() {
        analysis = IndexAnalysis.bundled();
        embedder = new CachingEmbedder(new BgeSmallZhEmbedder(), 1000);
        indexes = new IndexManager(dir, new IndexBuilder(analysis, embedder));
        indexes.load(1, List.of(
                Entry.of("remote", "医保/异地就医", "异地就医如何备案", List.of("去外地看病医保怎么备案"), "可通过国家医保服务平台APP办理异地就医备案。"),
                Entry.of("remote-docs", "医保/异地就医", "异地就医备案需要准备哪些材料", List.of(), "一般只需身份证件，部分类型需补充材料。"),
                Entry.of("claim-docs", "医保/报销", "医保报销需要准备哪些材料", List.of("报销医保要带啥"), "发票原件、费用清单和诊断证明。"),
                Entry.of("fund-docs", "公积金/提取", "提取住房公积金需要准备哪些材料", List.of("取公积金要带什么"), "身份证件、银行卡和提取原因的证明。"),
                Entry.of("id-lost", "12345/户籍证件", "身份证丢了怎么补办", List.of("身份证掉了咋办"), "到派出所户籍窗口申请补领。")),
                ProgressListener.NONE);
        nlu = new Analyzer(analysis.normalizer(), analysis.segmenter(), new EntityExtractor(), IntentClassifier.bundled(), SensitiveFilter.bundled());
    }

    @AfterAll
    static void close() {
        indexes.close();
    }

    static Conversation conversation(ContextRewriter context) {
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, RetrievalSettings.defaults(FUSION)),
                new ConfidenceTiers(0.5, 0.02, 0.1), RetrievalMode.HYBRID);
        return Conversation.builder().analyzer(nlu).faq(faq).indexes(indexes).context(context).build();
    }

    static String top(Turn t) {
        return t.ranked().isEmpty() ? t.reply().entryId() : t.ranked().get(0).entry().id();
    }

    @Test
    void aFollowUpIsFoundThroughTheLastAnswersTopic() {
        Conversation with = conversation(new FollowUpRewriter(analysis.segmenter(), analysis.lexicon()));
        assertEquals("remote", with.respond("c1", "医保异地就医怎么备案").reply().entryId());
        Turn followUp = with.respond("c1", "需要什么材料");
        assertEquals("remote-docs", top(followUp));
        assertTrue(String.valueOf(followUp.reply().reason()).startsWith("follow-up read as"), followUp.reply().reason());

        Conversation without = conversation(ContextRewriter.NONE);
        without.respond("c2", "医保异地就医怎么备案");
        assertNotEquals("remote-docs", top(without.respond("c2", "需要什么材料")), "the message alone does not say which materials");
    }

    @Test
    void aNewQuestionOnAnotherTopicIsNotHijacked() {
        Conversation with = conversation(new FollowUpRewriter(analysis.segmenter(), analysis.lexicon()));
        with.respond("c3", "医保异地就医怎么备案");
        Turn next = with.respond("c3", "身份证丢了怎么补办");
        assertEquals("id-lost", next.reply().entryId());
        assertTrue(next.reply().reason() == null || !next.reply().reason().startsWith("follow-up"), next.reply().reason());
    }
}
