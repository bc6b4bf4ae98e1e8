package org.openhotline.server.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.openhotline.bot.BotTexts;
import org.openhotline.bot.audit.SensitiveAuditLog;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.context.ContextRewriter;
import org.openhotline.bot.context.FollowUpRewriter;
import org.openhotline.bot.faq.ConfidenceTiers;
import org.openhotline.bot.flow.FlowEngine;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.transfer.SkillGroups;
import org.openhotline.bot.transfer.TransferSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.nlu.Analyzer;
import org.openhotline.nlu.entity.EntityExtractor;
import org.openhotline.nlu.intent.IntentClassifier;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.IndexManager;
import org.openhotline.kb.retrieval.Features;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.nlu.embed.BgeSmallZhEmbedder;
import org.openhotline.nlu.embed.CachingEmbedder;
import org.openhotline.nlu.embed.SentenceEmbedder;
import org.openhotline.nlu.intent.HumanRequestDetector;
import org.openhotline.nlu.lexicon.NluDictionaries;
import org.openhotline.nlu.pinyin.PinyinConverter;
import org.openhotline.nlu.repair.HomophoneRepairer;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveLexicon;
import org.openhotline.nlu.sensitive.SensitivePolicy;
import org.openhotline.nlu.text.TextNormalizer;
import org.openhotline.server.config.HotlineConfig;

/**
 * The question-answering core wired from configuration: NLU, the index and the conversation. It knows
 * nothing of databases or HTTP, so the eval runs exactly this on a throwaway index.
 */
public final class HotlineEngine implements AutoCloseable {
    private final HotlineConfig config;
    private final Clock clock;
    private final NluDictionaries fileDictionaries;
    private final IndexAnalysis analysis;
    private final TextNormalizer liveNormalizer;
    private final CachingEmbedder embedder;
    private final IndexBuilder builder;
    private final IndexManager indexes;
    private final HumanRequestDetector humanRequests;
    private final SensitiveFilter sensitiveFilter;
    private final SensitiveAuditLog auditLog;
    private volatile LiveNlu nlu;
    private IntentClassifier intents;
    private FlowEngine flowEngine;

    /** The bundled sensitive words and no audit: the eval and the CLI. */
    public HotlineEngine(HotlineConfig config, Path indexRoot, Clock clock) {
        this(config, indexRoot, clock, new BgeSmallZhEmbedder());
    }

    public HotlineEngine(HotlineConfig config, Path indexRoot, Clock clock, SentenceEmbedder model) {
        this(config, indexRoot, clock, model, SensitiveLexicon.bundled(), SensitiveAuditLog.NONE);
    }

    /** Sensitive words from {@code lexicon} (the database's, in the server) and hits reported to {@code auditLog}. */
    public HotlineEngine(HotlineConfig config, Path indexRoot, Clock clock, SensitiveLexicon lexicon, SensitiveAuditLog auditLog) {
        this(config, indexRoot, clock, new BgeSmallZhEmbedder(), lexicon, auditLog);
    }

    public HotlineEngine(HotlineConfig config, Path indexRoot, Clock clock, SentenceEmbedder model, SensitiveLexicon lexicon, SensitiveAuditLog auditLog) {
        this.config = config;
        this.clock = clock;
        String lexiconDir = config.string("nlu.lexicon-dir");
        this.fileDictionaries = NluDictionaries.load(lexiconDir.isBlank() ? null : Path.of(lexiconDir));
        this.analysis = IndexAnalysis.of(fileDictionaries);
        this.embedder = new CachingEmbedder(model, config.integer("retrieval.embedding-cache"));
        this.builder = new IndexBuilder(analysis, embedder);
        this.indexes = new IndexManager(indexRoot, builder);
        // questions are corrected with the live version's typos, the ones its index was built with
        this.liveNormalizer = new TextNormalizer(TextNormalizer.DEFAULT_MAX_CHARS, () -> indexes.liveAnalysis().normalizer().typos());
        this.humanRequests = HumanRequestDetector.bundled(new PinyinConverter());
        this.sensitiveFilter = config.bool("nlu.sensitive-words") ? new SensitiveFilter(lexicon, SensitivePolicy.defaults()) : null;
        this.auditLog = java.util.Objects.requireNonNull(auditLog, "auditLog");
    }

    public RetrievalSettings retrievalSettings() {
        return new RetrievalSettings(
                config.integer("retrieval.lexical-docs"),
                config.integer("retrieval.vector-docs"),
                config.decimal("retrieval.pinyin-boost"),
                config.decimal("retrieval.answer-boost"),
                config.decimal("retrieval.bm25-half"),
                fusionModel(config));
    }

    static FusionModel fusionModel(HotlineConfig config) {
        double[] w = new double[Features.NAMES.size()];
        for (int i = 0; i < w.length; i++) w[i] = config.decimal("retrieval.fusion." + Features.NAMES.get(i));
        return new FusionModel(config.decimal("retrieval.fusion.bias"), w);
    }

    public ConfidenceTiers tiers() {
        return tiers(config);
    }

    public static ConfidenceTiers tiers(HotlineConfig config) {
        return new ConfidenceTiers(config.decimal("bot.answer-threshold"), config.decimal("bot.answer-margin"),
                config.decimal("bot.clarify-threshold"));
    }

    /** A conversation engine with in-memory stores (the eval, the bench); {@code mode} other than HYBRID is for measurement. */
    public Conversation conversation(RetrievalMode mode, ConfidenceTiers tiers) {
        return conversation(mode, tiers, ConversationStores.inMemory(config.integer("bot.max-sessions")));
    }

    /** As configured, but with {@code context} reading follow-ups: the follow-up eval plays each dialogue with and without. */
    public Conversation conversation(RetrievalMode mode, ConfidenceTiers tiers, ContextRewriter context) {
        return conversation(mode, tiers, ConversationStores.inMemory(config.integer("bot.max-sessions")), context);
    }

    public Conversation conversation(RetrievalMode mode, ConfidenceTiers tiers, ConversationStores stores) {
        return conversation(config, clock, mode, tiers, stores, contextRewriter(config));
    }

    private Conversation conversation(RetrievalMode mode, ConfidenceTiers tiers, ConversationStores stores, ContextRewriter context) {
        return conversation(config, clock, mode, tiers, stores, context);
    }

    /**
     * A conversation over this engine's index with other settings and clock: the conversation scripts run
     * each with its own configuration and a clock they move, without rebuilding the index.
     */
    public Conversation conversation(HotlineConfig cfg, Clock clk, RetrievalMode mode, ConfidenceTiers tiers, ConversationStores stores) {
        return conversation(cfg, clk, mode, tiers, stores, contextRewriter(cfg));
    }

    private Conversation conversation(HotlineConfig cfg, Clock clk, RetrievalMode mode, ConfidenceTiers tiers, ConversationStores stores,
                                      ContextRewriter context) {
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, retrievalSettings()), tiers, mode);
        return Conversation.builder().analyzer(this::nluAnalyzer).humanRequests(humanRequests).faq(faq).indexes(indexes)
                .sessions(stores.sessions()).messages(stores.messages()).turnWriter(stores.turnWriter()).handoff(stores.handoff()).feedback(stores.feedback()).satisfaction(stores.satisfaction())
                .hours(stores.hours())
                .pinnedQuestions(cfg.list("bot.hot-questions")).texts(texts(cfg)).clock(clk)
                .idle(Duration.ofMinutes(cfg.integer("bot.session-idle-minutes")))
                .speechRepair(cfg.bool("bot.speech-repair") ? new HomophoneRepairer(new PinyinConverter()) : null)
                .sensitive(sensitiveFilter).auditLog(auditLog)
                .transfers(transferSettings(cfg))
                .skillGroups(SkillGroups.parse(cfg.list("bot.skill-groups"), cfg.string("bot.default-skill-group")))
                .context(context)
                .flows(flowEngine())
                .build();
    }

    /** How follow-ups ("那报销比例呢") are read with the last answer's topic: bot.context-followups. */
    public ContextRewriter contextRewriter() {
        return contextRewriter(config);
    }

    private ContextRewriter contextRewriter(HotlineConfig cfg) {
        return cfg.bool("bot.context-followups") ? new FollowUpRewriter(analysis.segmenter(), analysis.lexicon()) : ContextRewriter.NONE;
    }

    public Conversation conversation() {
        return conversation(RetrievalMode.HYBRID, tiers());
    }

    /** The server's conversation: sessions, log, feedback and handoffs in the database. */
    public Conversation conversation(ConversationStores stores) {
        return conversation(RetrievalMode.HYBRID, tiers(), stores);
    }

    static BotTexts texts(HotlineConfig config) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String key : BotTexts.KEYS) overrides.put(key, config.string("bot.texts." + key));
        return BotTexts.defaults().with(overrides);
    }

    static TransferSettings transferSettings(HotlineConfig config) {
        String p = "bot.transfer.";
        return new TransferSettings(config.bool(p + "keyword"), config.integer(p + "unknown-streak"), config.bool(p + "guided"),
                config.list(p + "intents"), config.list(p + "categories"), config.bool(p + "repeated-question"),
                config.bool(p + "negative-emotion"), config.integer(p + "abuse-strikes"), config.bool(p + "flow-failures"),
                config.bool(p + "low-satisfaction"));
    }

    /**
     * The NLU the conversation reads every message with: the live version's typos, custom words and gazetteer,
     * the live sensitive-word filter, and intent models trained once (a few seconds). Rebuilt, cheaply, when a
     * version with other dictionaries goes live; conversations ask for it per message.
     */
    public Analyzer nluAnalyzer() {
        IndexAnalysis live = indexes.liveAnalysis();
        LiveNlu current = nlu;
        if (current != null && current.analysis() == live) return current.analyzer(); // every message: no lock
        synchronized (this) {
            current = nlu;
            if (current != null && current.analysis() == live) return current.analyzer();
            if (intents == null) intents = IntentClassifier.bundled();
            SensitiveFilter filter = sensitiveFilter != null ? sensitiveFilter
                    : new SensitiveFilter(SensitiveLexicon.builder().build(), SensitivePolicy.defaults());
            NluDictionaries d = liveDictionaries();
            Analyzer analyzer = new Analyzer(liveNormalizer, live.segmenter(),
                    new EntityExtractor(d.gazetteer(), d.typoDictionary(), EntityExtractor.DEFAULT_MAX_CHARS), intents, filter);
            nlu = new LiveNlu(live, analyzer);
            return analyzer;
        }
    }

    /** The analyser built for one live version's analysis; swapped whole so readers never see a half-built pair. */
    private record LiveNlu(IndexAnalysis analysis, Analyzer analyzer) {}

    public Retriever retriever(RetrievalSettings settings) {
        return new Retriever(analysis, embedder, settings);
    }

    /** The live filter the conversations share (null when nlu.sensitive-words is off); reload it to apply edited words. */
    public SensitiveFilter sensitiveFilter() {
        return sensitiveFilter;
    }

    /**
     * The task flows of {@code flows.dir} (else the bundled ones) calling {@code flows.business-url}; with no
     * business URL there is nothing for flows to call, so none is loaded. Built on first use; a bad flow file throws.
     */
    public synchronized FlowEngine flowEngine() {
        if (flowEngine == null) {
            String url = config.string("flows.business-url").strip();
            String dir = config.string("flows.dir").strip();
            if (url.isEmpty()) {
                org.slf4j.LoggerFactory.getLogger(HotlineEngine.class)
                        .info("task flows are off: set flows.business-url, or sample-business.enabled for the demo");
                flowEngine = FlowEngine.none();
            } else {
                flowEngine = FlowEngine.load(dir.isEmpty() ? null : Path.of(dir), BusinessClient.http(),
                        java.util.Map.of("business.base-url", url.replaceAll("/+$", "")));
            }
        }
        return flowEngine;
    }

    public IndexManager indexes() {
        return indexes;
    }

    /** The analysis of the files' dictionaries ({@code nlu.lexicon-dir} or shipped): what versions without a snapshot use. */
    public IndexAnalysis analysis() {
        return analysis;
    }

    /** The shipped word lists, or {@code nlu.lexicon-dir}'s: the database's first working set and the fallback of old versions. */
    public NluDictionaries fileDictionaries() {
        return fileDictionaries;
    }

    /**
     * The dictionaries of the version answering now (its gazetteer for entity extraction, its typos);
     * the files' before the first version is live.
     */
    public NluDictionaries liveDictionaries() {
        NluDictionaries d = indexes.liveAnalysis().dictionaries();
        return d != null ? d : fileDictionaries;
    }

    /** The normaliser conversations use: it corrects typos with the live version's dictionary. */
    public TextNormalizer normalizer() {
        return liveNormalizer;
    }

    public CachingEmbedder embedder() {
        return embedder;
    }

    public HotlineConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        indexes.close();
    }
}
