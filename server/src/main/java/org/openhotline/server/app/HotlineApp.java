package org.openhotline.server.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.openhotline.bot.hours.JdbcSpecialDayStore;
import org.openhotline.bot.hours.ServiceHours;
import org.openhotline.bot.hours.ServiceHoursConfig;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.lexicon.DictionaryPublisher;
import org.openhotline.kb.lexicon.JdbcDictionaryStore;
import org.openhotline.kb.lexicon.JdbcSensitiveWordStore;
import org.openhotline.kb.lexicon.VersionDictionaries;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.kb.store.KnowledgeStore;
import org.openhotline.nlu.sensitive.SensitiveLexicon;
import org.openhotline.server.audit.JdbcSensitiveAuditLog;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.server.http.DictionaryAdmin;
import org.openhotline.server.http.HttpServer;
import org.openhotline.server.http.SensitiveAdmin;
import org.openhotline.server.sample.SampleBusinessService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole product in one process: database, knowledge base, conversation engine and HTTP. */
public final class HotlineApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotlineApp.class);

    private final HotlineConfig config;
    private Database database;
    private HotlineEngine engine;
    private ServiceHours hours;
    private KnowledgeSync sync;
    private SensitiveWordSync wordSync;
    private HttpServer http;
    private org.openhotline.bot.Conversation conversation;
    private SessionSweeper sweeper;
    private SampleBusinessService sampleBusiness;
    private org.openhotline.wechat.WechatChannel wechat;
    private org.openhotline.voice.asr.SpeechRecognizer speech;
    private org.openhotline.server.editor.PublishScheduler publishScheduler;
    private DeskWiring desk;
    private java.util.List<org.openhotline.server.auth.AccountBootstrap.Sample> sampleAccounts = java.util.List.of();
    private org.openhotline.server.auth.AuthServices auth;
    private org.openhotline.server.telephony.TelephonyWiring telephony;
    private org.openhotline.server.telephony.RegisteredPhones registeredPhones;
    private java.util.List<org.openhotline.server.telephony.SamplePhonePasswords.Sample> samplePhonePasswords = java.util.List.of();
    private org.openhotline.server.telephony.JdbcRecordingIndex recordings;

    public HotlineApp(HotlineConfig config) {
        this.config = config;
    }

    public HotlineApp start(ProgressListener progress) {
        try {
            Path data = dataDir(config);
            VoiceConfig.check(config); // a configured speech model that is missing stops the start, saying where to get one
            Files.createDirectories(data);
            database = openDatabase(config);
            hours = ServiceHoursConfig.fromMap(config.tree("hours"), new JdbcSpecialDayStore(database.dataSource()), Clock.systemUTC());
            KnowledgeStore store = new JdbcKnowledgeStore(database.dataSource());
            JdbcSensitiveWordStore words = new JdbcSensitiveWordStore(database.dataSource());
            if (words.seedIfNew(SensitiveLexicon.bundled())) log.info("first start: copied the bundled sensitive words into the database");
            JdbcSensitiveAuditLog audit = new JdbcSensitiveAuditLog(database.dataSource());
            long revision = words.revision();
            HotlineConfig effective = startSampleBusiness(config);
            engine = new HotlineEngine(effective, data.resolve("index"), Clock.systemDefaultZone(), words.load(), audit);
            engine.flowEngine(); // a bad flow file stops the start here, naming the file and field
            SensitiveAdmin admin = null;
            if (engine.sensitiveFilter() != null) {
                wordSync = new SensitiveWordSync(words, engine.sensitiveFilter(), revision);
                wordSync.start(config.integer("kb.poll-seconds"));
                admin = new SensitiveAdmin(words, audit, wordSync::reload);
            }
            JdbcDictionaryStore dictionaries = new JdbcDictionaryStore(database.dataSource());
            if (dictionaries.seedIfNew(engine.fileDictionaries())) log.info("first start: copied the NLU word lists into the database");
            VersionDictionaries versionDictionaries = new VersionDictionaries(dictionaries, engine.fileDictionaries());
            sync = new KnowledgeSync(store, engine.indexes(), versionDictionaries::of);
            DictionaryAdmin dictionaryAdmin = new DictionaryAdmin(dictionaries,
                    new DictionaryPublisher(store, dictionaries, versionDictionaries, sync::refresh));
            ConversationStores stores = ConversationStores.database(database.dataSource(), ConversationStores.handoffHours(hours));
            org.openhotline.server.wechat.ConversationBot wechatBot = new org.openhotline.server.wechat.ConversationBot(engine.indexes());
            org.openhotline.wechat.voice.VoiceTranscriber wechatVoice = !org.openhotline.server.wechat.WechatConfig.enabled(config) ? null
                    : org.openhotline.server.wechat.voice.WechatVoice.fromConfig(config, this::speech).orElse(null);
            wechat = org.openhotline.server.wechat.WechatRoute.fromConfig(config, wechatBot, database.dataSource(), wechatVoice,
                    id -> engine.flowEngine().flows().stream().filter(f -> f.id().equals(id)).findFirst()
                            .flatMap(f -> f.triggers().phrases().stream().findFirst())).orElse(null);
            var people = new org.openhotline.server.desk.AccountPeople(new org.openhotline.desk.account.JdbcAccountStore(database.dataSource()));
            // the desk routes calls only to agents whose phone rings; softphone registration (u -> contact) comes with the registrar
            var phones = !config.bool("telephony.enabled") ? org.openhotline.server.telephony.AgentPhoneDirectory.none()
                    : new org.openhotline.server.telephony.AgentPhoneDirectory(id -> people.find(id).map(org.openhotline.desk.account.Account::username),
                            u -> people.agents().stream().filter(a -> a.username().equals(u)).findFirst().map(org.openhotline.server.desk.People::idOf),
                            org.openhotline.server.telephony.AgentPhoneDirectory.parse(config.list("telephony.agent-phones")), u -> java.util.Optional.empty());
            desk = DeskWiring.start(config, database.dataSource(), engine, stores, people, phones, data,
                    org.openhotline.server.wechat.WechatRoute.notifiers(wechat, config, engine::sensitiveFilter, data.resolve("uploads")));
            conversation = engine.conversation(desk.stores(stores));
            desk.attach(conversation);
            wechatBot.bind(conversation);
            sweeper = new SessionSweeper(conversation, closed -> new ClosingPush(wechat == null ? null : wechat::push).push(closed));
            sweeper.start(60);
            http = new HttpServer(config, conversation, engine.indexes(), admin, dictionaryAdmin).calendarAdmin(hours)
                    .conversationAdmin(stores.messages(), new org.openhotline.bot.handoff.JdbcHandoffQueue(database.dataSource()));
            auth = auth(database.dataSource());
            http.auth(auth, new org.openhotline.desk.store.JdbcSkillGroupStore(database.dataSource()),
                    org.openhotline.server.auth.AuthServices.configuredGroups(config));
            org.openhotline.server.editor.EditorServices editor = EditorWiring.services(config, engine, store, database.dataSource(),
                    data.resolve("scratch"), sync::refresh);
            http.editorAdmin(editor); // editors sign in with accounts now, so the workflow no longer waits for an admin token
            publishScheduler = new org.openhotline.server.editor.PublishScheduler(editor.workflow()).start(config.integer("editor.schedule-poll-seconds"));
            http.routes(desk.web()::register);
            http.routes(new org.openhotline.server.http.ServiceReportController(new org.openhotline.desk.report.ServiceLevels(database.dataSource(),
                    java.time.ZoneId.of(config.string("hours.time-zone"))))::register);
            var phoneCredentials = new org.openhotline.server.telephony.JdbcPhoneCredentials(database.dataSource(), config.string("telephony.realm"), Clock.systemUTC());
            http.routes(new org.openhotline.server.telephony.SipPasswordAdmin(auth.accounts(), phoneCredentials)::register);
            if (config.bool("auth.sample-accounts")) samplePhonePasswords = org.openhotline.server.telephony.SamplePhonePasswords.seed(auth.accounts(), phoneCredentials);
            if (wechat != null) {
                org.openhotline.wechat.WechatChannel channel = wechat;
                http.routes(app -> org.openhotline.server.wechat.WechatRoute.register(app, channel));
            }
            recordings = new org.openhotline.server.telephony.JdbcRecordingIndex(database.dataSource());
            http.routes(new org.openhotline.server.desk.RecordingController(recordings,
                    org.openhotline.server.telephony.TelephonyWiring.recordingsDir(config, data))::register);
            if (config.bool("telephony.enabled")) {
                telephony = org.openhotline.server.telephony.TelephonyWiring.start(effective, data, conversation, hours,
                        VoiceConfig.settings(config).asrConfigured() ? speech() : null, desk.desk(), phones, recordings);
                http.routes(telephony::adminRoutes);
                http.routes(telephony::deskRoutes);
                desk.web().callbackDialing(telephony.callbackDialing()); // 回拨: off (an error naming the setting) without telephony.outbound-uri
                registeredPhones = telephony.phones(phoneCredentials, config);
                phones.registered(registeredPhones::contactOf); // a registered softphone rings before a configured one
                phones.busy(telephony::callingBack); // an agent calling a citizen back is not offered queued calls
                http.routes(registeredPhones::adminRoutes);
            }
            http.start();
            sync.start(config.bool("kb.load-sample"), config.integer("kb.poll-seconds"), progress);
            return this;
        } catch (java.io.IOException e) {
            close();
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IllegalStateException("telephony did not start: " + e.getMessage(), e);
        }
    }

    /** The Vosk model both the phone and WeChat hear with, loaded once on first use; only when voice.asr.model-path is set. */
    private org.openhotline.voice.asr.SpeechRecognizer speech() {
        if (speech == null) speech = VoiceConfig.settings(config).recognizer();
        return speech;
    }

    /** Accounts, and the ones a start needs: the demo's samples, or the first admin of a new database. */
    private org.openhotline.server.auth.AuthServices auth(javax.sql.DataSource ds) {
        var auth = org.openhotline.server.auth.AuthServices.fromConfig(config, ds, Clock.systemUTC());
        if (config.bool("auth.sample-accounts")) {
            sampleAccounts = org.openhotline.server.auth.AccountBootstrap.samples(auth.accounts(),
                    org.openhotline.server.auth.AuthServices.configuredGroups(config));
        }
        org.openhotline.server.auth.AccountBootstrap.firstAdmin(auth.accounts(), config.string("auth.admin-password"));
        return auth;
    }

    /** Accounts and login sessions (for the desk's agent directory and tests). */
    public org.openhotline.server.auth.AuthServices auth() {
        return auth;
    }

    /** SAMPLE ONLY: the demo's accounts with their passwords (auth.sample-accounts), for the launcher to print. */
    public java.util.List<org.openhotline.server.auth.AccountBootstrap.Sample> sampleAccounts() {
        return sampleAccounts;
    }

    /** SAMPLE ONLY: the fake business system for the demo; when no business URL is set the flows call it. */
    private HotlineConfig startSampleBusiness(HotlineConfig config) {
        if (!config.bool("sample-business.enabled")) return config;
        sampleBusiness = SampleBusinessService.start(config.integer("sample-business.port"), config.integer("sample-business.delay-ms"),
                config.bool("sample-business.fail"), Clock.systemDefaultZone());
        return config.string("flows.business-url").isBlank() ? config.with("flows.business-url", sampleBusiness.url()) : config;
    }

    /** The sample business service's URL when it runs (the demo), for the launcher to print. */
    public java.util.Optional<String> sampleBusinessUrl() {
        return java.util.Optional.ofNullable(sampleBusiness).map(SampleBusinessService::url);
    }

    public static Path dataDir(HotlineConfig config) {
        return Path.of(config.string("data.dir")).toAbsolutePath().normalize();
    }

    public static Database openDatabase(HotlineConfig config) {
        String url = config.string("database.url");
        if (url.isBlank()) url = Database.h2FileUrl(dataDir(config).resolve("db"));
        String user = config.string("database.user");
        String password = config.string("database.password");
        return Database.open(url, user.isBlank() ? null : user, password.isBlank() ? null : password, config.integer("database.pool-size"));
    }

    public int port() {
        return http.port();
    }

    public org.openhotline.bot.Conversation conversation() {
        return conversation;
    }

    /** The WeChat channel when {@code wechat.token} is set. */
    public java.util.Optional<org.openhotline.wechat.WechatChannel> wechat() {
        return java.util.Optional.ofNullable(wechat);
    }

    /** The agent desk (queue, routing, live chats, satisfaction). */
    public java.util.Optional<org.openhotline.desk.Desk> desk() {
        return java.util.Optional.ofNullable(desk).map(DeskWiring::desk);
    }

    public HotlineEngine engine() {
        return engine;
    }

    /** Human service hours on the holiday calendar (special days in the database); for the conversation's transfer step. */
    public ServiceHours hours() {
        return hours;
    }

    /** Agents' softphones registered to the phone channel (when {@code telephony.enabled}). */
    public java.util.Optional<org.openhotline.server.telephony.RegisteredPhones> phones() {
        return java.util.Optional.ofNullable(registeredPhones);
    }

    /** SAMPLE ONLY: the demo agents' SIP passwords (auth.sample-accounts), for the launcher to print. */
    public java.util.List<org.openhotline.server.telephony.SamplePhonePasswords.Sample> samplePhonePasswords() {
        return samplePhonePasswords;
    }

    /** The phone channel when {@code telephony.enabled}. */
    /** The call recordings' index (the console lists it; the phone channel adds to it). */
    public org.openhotline.server.telephony.JdbcRecordingIndex recordings() {
        return recordings;
    }

    public java.util.Optional<org.openhotline.server.telephony.TelephonyWiring> telephony() {
        return java.util.Optional.ofNullable(telephony);
    }

    @Override
    public void close() {
        if (telephony != null) telephony.close();
        if (http != null) http.stop();
        if (wechat != null) wechat.close();
        if (publishScheduler != null) publishScheduler.close();
        if (sweeper != null) sweeper.close();
        if (desk != null) desk.close();
        if (sync != null) sync.close();
        if (wordSync != null) wordSync.close();
        if (speech != null) speech.close(); // after both channels: freed once their last recognition session closes
        if (engine != null) engine.close();
        if (database != null) database.close();
        if (sampleBusiness != null) sampleBusiness.close();
        log.info("stopped");
    }
}
