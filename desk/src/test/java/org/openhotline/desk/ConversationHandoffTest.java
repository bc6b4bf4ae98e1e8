package org.openhotline.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.faq.ConfidenceTiers;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyAct;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.bot.session.SessionMode;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.chat.Sender;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.kb.store.Database;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.embed.SentenceEmbedder;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.intent.IntentClassifier;

/**
 * The bot and the desk wired as the server wires them: "转人工" queues a chat, the citizen's messages reach the
 * agent, the end puts the citizen into rating mode where "5" and a comment are stored; cancelling leaves the queue;
 * a queue timeout lets the citizen leave a message. The knowledge base stays empty: none of this needs answers.
 */
class ConversationHandoffTest {
    static Analyzer analyzer;
    static IndexAnalysis analysis;
    @TempDir
    static Path dir;
    static IndexManager indexes;
    static SentenceEmbedder none;

    final Database db = Database.open("jdbc:h2:mem:conv" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    DeskRig rig;
    Conversation bot;

    @BeforeAll
    static void nlu() {
        analysis = IndexAnalysis.bundled();
        analyzer = new Analyzer(analysis.normalizer(), analysis.segmenter(), new EntityExtractor(), IntentClassifier.bundled(), DeskRig.FILTER);
        none = new SentenceEmbedder() {
            @Override
            public float[] embed(String text) {
                return new float[] {1, 0, 0, 0};
            }

            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public String modelId() {
                return "test-constant";
            }
        };
        indexes = new IndexManager(dir, new IndexBuilder(analysis, none));
    }

    void start(Map<String, Object> extra) {
        rig = new DeskRig(db.dataSource(), DeskRig.settings("least-busy", extra));
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, none, RetrievalSettings.defaults(new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3}))),
                new ConfidenceTiers(0.5, 0.02, 0.1), RetrievalMode.BM25);
        bot = Conversation.builder().analyzer(analyzer).faq(faq).indexes(indexes).clock(rig.clock).handoff(rig.desk).satisfaction(rig.desk)
                .skillGroups(org.openhotline.bot.transfer.SkillGroups.parse(List.of("社保=社保"), "社保")).build();
        rig.desk.attach(bot);
    }

    @AfterEach
    void close() {
        if (rig != null) rig.close();
        db.close();
    }

    @Test
    void aCitizenTalksToAnAgentThenRatesTheChatByReplyingANumber() {
        start(Map.of("auto-accept", true));
        rig.online("a1", 2, "社保");
        Reply transfer = bot.handle("cit", "转人工");
        assertEquals(ReplyType.TRANSFER, transfer.type(), transfer.toString());
        String chat = rig.desk.snapshot("a1").chats().get(0).chatId();
        assertEquals("cit", rig.desk.chat(chat).sessionId());

        Reply relayed = bot.handle("cit", "我的社保卡丢了");
        assertEquals(ReplyAct.RELAYED, relayed.act(), "with an agent in the chat the bot says nothing");
        assertEquals("", relayed.text());
        rig.desk.sendFromAgent("a1", chat, MessageKind.TEXT, "请问您在哪个区？");
        List<ChatMessage> msgs = rig.desk.messages(chat, 0, 100);
        assertTrue(msgs.stream().anyMatch(m -> m.sender() == Sender.CITIZEN && m.body().equals("我的社保卡丢了")), msgs.toString());

        rig.desk.end("a1", chat, "solved", null);
        assertEquals(SessionMode.RATING, bot.sessions().find("cit").mode());
        Reply rated = bot.handle("cit", "5");
        assertEquals(ReplyAct.RATED, rated.act(), rated.toString());
        assertEquals(5, rig.desk.rating(chat).level().score());
        Reply comment = bot.handle("cit", "客服很耐心");
        assertEquals(ReplyAct.RATED, comment.act());
        assertEquals("客服很耐心", rig.desk.rating(chat).comment());
        assertEquals(SessionMode.BOT, bot.sessions().find("cit").mode());
    }

    @Test
    void aReplyThatIsNotARatingIsANormalTurn() {
        start(Map.of("auto-accept", true));
        rig.online("a1", 2, "社保");
        bot.handle("q", "转人工");
        String chat = rig.desk.snapshot("a1").chats().get(0).chatId();
        rig.desk.end("a1", chat, "solved", null);
        Reply r = bot.handle("q", "社保卡怎么补办");
        assertNotEquals(ReplyAct.RATED, r.act());
        assertEquals(SessionMode.BOT, bot.sessions().find("q").mode());
        assertEquals(null, rig.desk.rating(chat));
    }

    @Test
    void cancellingWhileQueuedLeavesTheQueueAndATimeoutTurnsIntoLeavingAMessage() {
        start(Map.of());
        bot.handle("c1", "转人工");
        assertEquals(ReplyAct.QUEUED, bot.handle("c1", "还要等多久").act(), "while waiting the citizen is told the message will be seen");
        String waiting = rig.desk.snapshot(agent()).queue().get(0).chatId();
        Reply left = bot.handle("c1", "算了，不等了");
        assertEquals(ReplyAct.FLOW_CANCELLED, left.act(), left.toString());
        assertEquals(ChatStatus.ENDED, rig.desk.chat(waiting).status());
        assertEquals("citizen-left", rig.desk.chat(waiting).endReason());

        bot.handle("c2", "转人工");
        rig.advance(600);
        rig.desk.tick();
        assertEquals(SessionMode.LEAVING_MESSAGE, bot.sessions().find("c2").mode());
        Reply r = bot.handle("c2", "留言");
        assertEquals(ReplyAct.OUTSIDE_HOURS, r.act(), "the bot takes the message down: " + r);
    }

    private String agent() {
        rig.agent("viewer", 1, "社保");
        return "viewer";
    }
}
