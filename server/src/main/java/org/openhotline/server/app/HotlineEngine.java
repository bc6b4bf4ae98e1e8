package org.openhotline.server.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.openhotline.bot.BotTexts;
import org.openhotline.bot.audit.SensitiveAuditLog;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.faq.ConfidenceTiers;
import org.openhotline.bot.flow.FlowEngine;
import org.openhotline.bot.flow.http.BusinessClient;
import org.openhotline.bot.faq.FaqAnswerer;
import org.openhotline.bot.hot.HotQuestions;
import org.openhotline.bot.session.InMemorySessionStore;
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
import org.openhotline.nlu.pinyin.PinyinConverter;
import org.openhotline.nlu.repair.HomophoneRepairer;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveLexicon;
import org.openhotline.nlu.sensitive.SensitivePolicy;
import org.openhotline.server.config.HotlineConfig;

/**
 * The question-answering core wired from configuration: NLU, the index and the conversation. It knows
 * nothing of databases or HTTP, so the eval runs exactly this on a throwaway index.
 */
public final class HotlineEngine implements AutoCloseable {
    private final HotlineConfig config;
    private final Clock clock;
    private final IndexAnalysis analysis;
    private final CachingEmbedder embedder;
    private final IndexBuilder builder;
    private final IndexManager indexes;
    private final HumanRequestDetector humanRequests;
    private final SensitiveFilter sensitiveFilter;
    private final SensitiveAuditLog auditLog;
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
        this.analysis = new IndexAnalysis(new org.openhotline.nlu.text.TextNormalizer(),
                org.openhotline.nlu.lexicon.DomainLexicon.load(lexiconDir.isBlank() ? null : java.nio.file.Path.of(lexiconDir)));
        this.embedder = new CachingEmbedder(model, config.integer("retrieval.embedding-cache"));
        this.builder = new IndexBuilder(analysis, embedder);
        this.indexes = new IndexManager(indexRoot, builder);
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
        return new ConfidenceTiers(config.decimal("bot.answer-threshold"), config.decimal("bot.answer-margin"),
                config.decimal("bot.clarify-threshold"));
    }

    /** A conversation engine with its own sessions; {@code mode} other than HYBRID is for measurement. */
    public Conversation conversation(RetrievalMode mode, ConfidenceTiers tiers) {
        FaqAnswerer faq = new FaqAnswerer(new Retriever(analysis, embedder, retrievalSettings()), tiers, mode);
        BotTexts texts = new BotTexts(config.string("bot.texts.clarify"), config.string("bot.texts.fallback"),
                config.string("bot.texts.transfer"), config.string("bot.texts.empty"),
                config.string("bot.texts.withheld"), config.string("bot.texts.loading"));
        InMemorySessionStore sessions = new InMemorySessionStore(clock,
                Duration.ofMinutes(config.integer("bot.session-idle-minutes")), config.integer("bot.max-sessions"));
        return Conversation.builder().normalizer(analysis.normalizer()).humanRequests(humanRequests).faq(faq).indexes(indexes)
                .sessions(sessions).hotQuestions(new HotQuestions(config.list("bot.hot-questions"))).texts(texts).clock(clock)
                .speechRepair(config.bool("bot.speech-repair") ? new HomophoneRepairer(new PinyinConverter()) : null)
                .sensitive(sensitiveFilter).auditLog(auditLog)
                .build();
    }

    public Conversation conversation() {
        return conversation(RetrievalMode.HYBRID, tiers());
    }

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

    public IndexAnalysis analysis() {
        return analysis;
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
