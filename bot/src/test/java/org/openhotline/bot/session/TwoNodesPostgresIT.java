package org.openhotline.bot.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.faq.ConfidenceTiers;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.log.JdbcMessageLog;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.kb.store.PostgresTestSchema;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.embed.BgeSmallZhEmbedder;
import org.openhotline.nlu.embed.CachingEmbedder;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.intent.IntentClassifier;
import org.openhotline.nlu.sensitive.SensitiveFilter;

/**
 * The scale-out profile: two nodes (two conversation engines) share one PostgreSQL. A citizen offered
 * choices by one node picks on the other, and the second node sees the first one's messages in the log.
 */
class TwoNodesPostgresIT {
    @TempDir
    static Path dir;
    static PostgresTestSchema schema;
    static IndexManager indexes;
    static IndexAnalysis analysis;
    static CachingEmbedder embedder;
    static Analyzer nlu;

    @BeforeAll
    static void start() throws Exception {
        schema = new PostgresTestSchema("nodes");
        analysis = IndexAnalysis.bundled();
        embedder = new CachingEmbedder(new BgeSmallZhEmbedder(), 100);
        indexes = new IndexManager(dir, new IndexBuilder(analysis, embedder));
        indexes.load(1, List.of(
                Entry.of("card-lost", "社保/社保卡", "社保卡丢了怎么补办", List.of("社保卡掉了咋办"), "社保卡遗失后请先挂失，再申请补卡。"),
                Entry.of("card-activate", "社保/社保卡", "社保卡怎么激活", List.of("新社保卡如何启用"), "新领的社保卡需要到银行网点激活金融功能。"),
                Entry.of("card-e", "社保/社保卡", "电子社保卡怎么申领", List.of("手机上怎么领电子社保卡"), "可通过掌上12333等渠道申领电子社保卡。")),
                ProgressListener.NONE);
        nlu = new Analyzer(analysis.normalizer(), analysis.segmenter(), new EntityExtractor(), IntentClassifier.bundled(), SensitiveFilter.bundled());
    }

    @AfterAll
    static void stop() throws Exception {
        indexes.close();
        schema.close();
    }

    static Conversation node() {
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, RetrievalSettings.defaults(new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3}))),
                new ConfidenceTiers(0.999, 0.5, 0.0), RetrievalMode.HYBRID); // always clarify
        return Conversation.builder().analyzer(nlu).faq(faq).indexes(indexes)
                .sessions(new JdbcSessionStore(schema.database().dataSource()))
                .messages(new JdbcMessageLog(schema.database().dataSource())).build();
    }

    @Test
    void aCitizenOfferedChoicesOnOneNodePicksOnTheOther() {
        Conversation a = node();
        Conversation b = node();
        Reply offered = a.handle("n-1", "社保卡的事");
        assertEquals(ReplyType.CLARIFY, offered.type());
        Reply picked = b.handle("n-1", "2");
        assertEquals(ReplyType.ANSWER, picked.type(), picked.toString());
        assertEquals(offered.options().get(1).entryId(), picked.entryId());
        assertEquals(4, b.messages().transcript("n-1", 10).size(), "both nodes' messages are in the shared log");
    }
}
