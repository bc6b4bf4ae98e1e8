package org.openhotline.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.io.KnowledgeFileException;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.lexicon.JdbcDictionaryStore;
import org.openhotline.kb.lexicon.VersionDictionaries;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.app.HotlineEngine;
import org.openhotline.bot.hours.HoursConfigException;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;

/** The product's commands behind {@code ./hotline}: run the server and manage the knowledge base. */
public final class HotlineCli {
    static final String USAGE = """
            usage: ./hotline <command> [options]

            commands:
              demo                 build if needed and start the whole product on embedded defaults
              serve                start the product with the configuration as given (no build step)
              kb import FILE       load a .jsonl or .xlsx knowledge base and publish it (replaces the current one)
              kb export FILE       write the current knowledge base to .jsonl or .xlsx
              kb versions          list published knowledge-base versions
              wechat check         verify the WeChat account settings, each mistake named (./hotline wechat --help)
              wechat menu push     create the WeChat account's custom menu from wechat.menu-buttons
              conversations        play the YAML conversation scripts against the real engine (./hotline conversations --help)
              nlu                  analyse messages from standard input, one JSON line each (./hotline nlu --help)
              eval                 measure answer accuracy on a labelled question set (./hotline eval --help)
              eval-followups       measure follow-up questions without and with context (./hotline eval-followups --help)
              bench                measure throughput and latency over HTTP (./hotline bench --help)
              bench-dialogue       measure the dialogue engine's cost per turn and the heap of live sessions
              bench-inbox          measure clustering of unanswered questions for the editors' inbox
              bench-asr            measure speech recognition: real-time factor of 4 concurrent streams, WER
              bench-wechat         measure the WeChat callback (FAQ p99, 50 users) and the 5-second rule under a slow flow
              bench-desk           measure citizen message → agent socket latency with 50 agents and 500 chats
              bench-routing        measure the agent desk's routing decision (50 agents, 500 chats by default)
              bench-ivr            measure concurrent IVR calls with sipp: answer time, prompt after a key, audio gaps
              bench-publish        measure publishing changed entries on a large knowledge base (rebuild, vector reuse, queries meanwhile)
              dataset              turn public data sets into eval files (./hotline dataset --help)
              train-fusion         learn the hybrid ranking weights from labelled questions
              test                 install missing test tools, then run every test

            Each command takes --help. Configuration: hotline.yml or HOTLINE_CONFIG, and HOTLINE_* variables
            (HOTLINE_PORT, HOTLINE_DATA, …); see README.md.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    HotlineCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] argv) {
        int code = new HotlineCli(System.out, System.err, System.getenv()).run(argv);
        if (code != 0 || argv.length == 0 || !(argv[0].equals("demo") || argv[0].equals("serve"))) System.exit(code);
    }

    int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            out.print(USAGE);
            return argv.length == 0 ? 2 : 0;
        }
        String[] rest = java.util.Arrays.copyOfRange(argv, 1, argv.length);
        try {
            return switch (argv[0]) {
                case "demo", "serve" -> serve(argv[0], rest);
                case "kb" -> kb(rest);
                case "nlu" -> new NluCommand(out).run(new Args(rest, Set.of("now"), Set.of()), System.in);
                case "wechat" -> new WechatCommand(out, err, config()).run(new Args(rest, WechatCommand.options(), Set.of("dry-run")));
                case "conversations" -> new ConversationsCommand(out, config()).run(new Args(rest, ConversationsCommand.options(), Set.of()));
                default -> {
                    err.println("unknown command '" + argv[0] + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (ConfigException | KnowledgeFileException | org.openhotline.bot.script.ScriptException | HoursConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private HotlineConfig config() {
        return HotlineConfig.load(HotlineConfig.defaultFile(env), env);
    }

    /** The demo's sample WeChat account (its API is the local simulator); README shows how to call the callback with it. */
    static final String DEMO_WECHAT_TOKEN = "openhotlinedemo";
    /** The demo account's EncodingAESKey: the demo runs in safe (AES) mode, as a bureau should. */
    static final String DEMO_WECHAT_AES = "0penHotlineDemoAesKey0000000000000000000000";
    static final String DEMO_WECHAT_APP = "wxdemo0000000000";

    /** 32 random bytes, URL-safe: the demo's admin token when none is configured. */
    static String randomToken() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private int serve(String name, String[] argv) {
        Args args = new Args(argv, Set.of(), Set.of());
        if (args.help()) {
            out.println("usage: ./hotline " + name + """

                    Starts OpenHotline: web chat at /, POST /api/chat, GET /health. Data (H2 database and Lucene
                    index) lives in HOTLINE_DATA (default ./data); the sample knowledge base is published on first
                    start. HOTLINE_PORT sets the port (default 8080). Ctrl-C stops it; the next start reuses the data.
                    People sign in at /editor, /admin (accounts); the first start creates `admin` (HOTLINE_ADMIN_PASSWORD,
                    else a one-time password in the log). Scripts call /api/admin with HOTLINE_SERVER_ADMIN_TOKEN; demo picks
                    and prints a random one, and creates one sample account per role (printed with their passwords).
                    demo also answers phone calls with the sample IVR over SIP on HOTLINE_SIP_PORT (default 5060).""");
            return 0;
        }
        long t0 = System.nanoTime();
        HotlineConfig config = config();
        String generatedToken = null;
        if (name.equals("demo") && config.string("server.admin-token").isBlank()) {
            generatedToken = randomToken();
            config = config.with("server.admin-token", generatedToken);
        }
        if (name.equals("demo") && !"false".equalsIgnoreCase(env.getOrDefault("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "").strip())) {
            config = config.with("auth.sample-accounts", "true"); // SAMPLE ONLY: one account per role, printed below
        }
        if (name.equals("demo") && config.string("flows.business-url").isBlank()) {
            config = config.with("sample-business.enabled", "true"); // the demo's task flows need a business system to call
        }
        if (name.equals("demo")) config = config.with("telephony.enabled", "true"); // the sample IVR answers SIP calls
        org.openhotline.wechat.simulator.WechatSimulator wechatSimulator = null;
        if (name.equals("demo") && config.string("wechat.token").isBlank()) {
            // SIMULATOR ONLY: a sample account whose API is the local WeChat simulator, so the channel runs without one
            wechatSimulator = new org.openhotline.wechat.simulator.WechatSimulator(DEMO_WECHAT_APP, "demo-secret", DEMO_WECHAT_TOKEN, DEMO_WECHAT_AES);
            config = config.with("wechat.token", DEMO_WECHAT_TOKEN).with("wechat.app-id", DEMO_WECHAT_APP)
                    .with("wechat.secret", "demo-secret").with("wechat.aes-key", DEMO_WECHAT_AES)
                    .with("wechat.api-base-url", wechatSimulator.apiBaseUrl());
        }
        out.println("OpenHotline starting (data: " + HotlineApp.dataDir(config) + ")");
        HotlineApp app = new HotlineApp(config).start(new ConsoleProgress(out));
        AutoCloseable simulator = wechatSimulator;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("OpenHotline stopping");
            app.close();
            if (simulator != null) {
                try {
                    simulator.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            stopped.countDown();
        }, "shutdown"));
        String host = config.string("server.host");
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        out.printf("OpenHotline ready in %.1f s: open http://%s:%d/  (Ctrl-C to stop)%n", (System.nanoTime() - t0) / 1e9, shown, app.port());
        app.sampleBusinessUrl().ifPresent(url -> out.println(
                "sample business service (fake data for the task flows; slow or failing: POST " + url + "/_control): " + url));
        if (!config.string("wechat.token").isBlank()) {
            out.printf("WeChat callback: http://%s:%d/wechat/callback  token: %s  (%s)%n", shown, app.port(), config.string("wechat.token"),
                    wechatSimulator != null ? "sample account, AES key " + DEMO_WECHAT_AES + "; WeChat's API: simulator at " + wechatSimulator.apiBaseUrl()
                            : config.string("wechat.aes-key").isBlank() ? "plain mode" : "AES mode");
        }
        if (wechatSimulator != null) {
            wechatSimulator.callbackUrl("http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + app.port() + "/wechat/callback");
            out.println("WeChat demo (a phone-shaped chat through the real, signed and encrypted callback): "
                    + wechatSimulator.servePhone(org.openhotline.wechat.simulator.WechatSimulator.Mode.SAFE));
        }
        if (!app.sampleAccounts().isEmpty()) {
            out.printf("sample accounts (demo only; sign in at /console, /editor, /admin):%n");
            for (var a : app.sampleAccounts()) out.printf("  %-12s password %-22s %s%n", a.username(), a.password(), new java.util.TreeSet<>(a.roles()));
        }
        String sipHost = config.string("telephony.host");
        app.telephony().ifPresent(t -> out.printf("phone: the sample IVR answers sip:hotline@%s:%d (UDP and TCP; call it from a softphone)%n",
                sipHost, t.sipPort()));
        if (app.telephony().isPresent() && !app.samplePhonePasswords().isEmpty()) {
            out.printf("agents' softphones (demo only): server %s:%d (UDP or TCP), realm %s, user and SIP password:%n", sipHost,
                    app.telephony().get().sipPort(), config.string("telephony.realm"));
            for (var p : app.samplePhonePasswords()) out.printf("  %-12s SIP password %s%n", p.username(), p.password());
            out.printf("try a call to an agent: register a softphone as agent1, sign in to http://%s:%d/console as agent1 and go online,"
                    + " call sip:hotline@%s:%d from a second softphone and press 0 (README: \"Try a call to an agent\")%n",
                    shown, app.port(), sipHost, app.telephony().get().sipPort());
        }
        if (generatedToken != null) {
            out.println("admin API token for this run (set HOTLINE_SERVER_ADMIN_TOKEN to choose one): " + generatedToken);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int kb(String[] argv) {
        Args args = new Args(argv, Set.of("note", "version"), Set.of());
        List<String> pos = args.positional();
        if (args.help() || pos.isEmpty()) {
            out.print("""
                    usage: ./hotline kb import FILE [--note TEXT]   validate the whole file, then publish it as a new version
                           ./hotline kb export FILE [--version N]   write a version (default: current) as .jsonl or .xlsx
                           ./hotline kb versions                   list versions, newest first

                    FILE is JSON Lines ({"id","question","answer","similar":[...],"category"}; "department" is read as the
                    category) or the editors' Excel template (标准问题, 相似问题 one per line, 答案, 分类). A file with
                    any bad row is refused whole, with a report naming each row and why.
                    """);
            return args.help() ? 0 : 2;
        }
        HotlineConfig config = config();
        return switch (pos.get(0)) {
            case "import" -> kbImport(config, file(pos), args.option("note"));
            case "export" -> kbExport(config, file(pos), args.option("version") == null ? 0 : args.integer("version", 0));
            case "versions" -> kbVersions(config);
            default -> throw new Args.UsageException("unknown kb command '" + pos.get(0) + "'");
        };
    }

    private static Path file(List<String> pos) {
        if (pos.size() < 2) throw new Args.UsageException("a FILE is needed");
        return Path.of(pos.get(1));
    }

    private int kbImport(HotlineConfig config, Path file, String note) {
        ImportResult r = EntryFiles.read(file);
        if (!r.isClean()) {
            err.println("import refused, nothing was changed: " + r.report());
            return 1;
        }
        if (r.entries().isEmpty()) {
            err.println("import refused: " + file + " holds no entries");
            return 1;
        }
        try (Database db = HotlineApp.openDatabase(config)) {
            KbVersion v = new JdbcKnowledgeStore(db.dataSource()).publish(r.entries(), note == null ? "import " + file.getFileName() : note);
            out.println("published knowledge-base version " + v.number() + " with " + v.entryCount() + " entries from " + file);
            // index it now, so the next start (or a running server, on its next poll) finds it ready
            Path indexRoot = HotlineApp.dataDir(config).resolve("index");
            try (HotlineEngine engine = new HotlineEngine(config, indexRoot, java.time.Clock.systemDefaultZone())) {
                // with the version's own dictionaries, so a server finds the index ready rather than rebuilding it
                var dictionaries = new VersionDictionaries(new JdbcDictionaryStore(db.dataSource()), engine.fileDictionaries()).of(v);
                engine.indexes().load(v.number(), r.entries(), dictionaries, new ConsoleProgress(out));
            }
            out.println("indexed; `./hotline demo` with HOTLINE_DATA=" + HotlineApp.dataDir(config) + " answers from it");
            return 0;
        }
    }

    private int kbExport(HotlineConfig config, Path file, int version) {
        try (Database db = HotlineApp.openDatabase(config)) {
            JdbcKnowledgeStore store = new JdbcKnowledgeStore(db.dataSource());
            int n = version > 0 ? version : store.currentVersion().map(KbVersion::number).orElse(0);
            if (n == 0) {
                err.println("no knowledge-base version is published yet");
                return 1;
            }
            List<Entry> entries = store.entries(n);
            if (entries.isEmpty()) {
                err.println("version " + n + " does not exist or is empty");
                return 1;
            }
            EntryFiles.write(entries, file);
            out.println("wrote " + entries.size() + " entries of version " + n + " to " + file);
            return 0;
        } catch (java.io.IOException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }

    private int kbVersions(HotlineConfig config) {
        try (Database db = HotlineApp.openDatabase(config)) {
            for (KbVersion v : new JdbcKnowledgeStore(db.dataSource()).versions()) {
                out.printf("%4d  %s  %6d entries  %s%n", v.number(), v.publishedAt(), v.entryCount(), v.note());
            }
            return 0;
        }
    }

}
