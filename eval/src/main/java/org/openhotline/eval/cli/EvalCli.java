package org.openhotline.eval.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.openhotline.eval.quality.QueryFile;
import org.openhotline.kb.io.KnowledgeFileException;
import org.openhotline.server.cli.Args;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;

/** The measurement commands behind {@code ./hotline eval | eval-followups | bench | dataset | train-fusion}. */
public final class EvalCli {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    static final String PUBLISH_HELP = """
            usage: ./hotline bench-publish [--entries 20000] [--changes 200] [--clients 2] [--datasets /work/shared/datasets] [--set key=value]

            Builds an N-entry knowledge base (sample + gov-faq300 + MSGABench Q&A, grown with place copies), times the
            full index rebuild from scratch, then publishes a version with --changes edited entries while --clients
            threads query the live index: the time to store, index (vectors of unchanged texts reused) and swap it in,
            how many vectors were computed and reused, and the query latency (p50/p99/max) and failures before and
            during the rebuild. Ends with RESULT {...}. The full rebuild of 20,000 entries embeds every text: minutes.
            """;

    public EvalCli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] argv) {
        System.exit(new EvalCli(System.out, System.err, System.getenv()).run(argv));
    }

    public int run(String[] argv) {
        if (argv.length == 0) {
            err.println("usage: ./hotline eval|eval-followups|bench|bench-routing|bench-wechat|dataset|train-fusion --help");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
        try {
            switch (argv[0]) {
                case "eval" -> {
                    Args args = new Args(rest, Set.of("kb", "queries", "report", "set", "skip"), Set.of());
                    return new EvalCommand(out).run(args, config(rest), err);
                }
                case "eval-followups" -> {
                    Args args = new Args(rest, Set.of("kb", "dialogues", "held-out", "skip", "report", "set"), Set.of("details"));
                    return new FollowUpCommand(out).run(args, config(rest, FollowUpCommand.PRESETS), err);
                }
                case "bench" -> {
                    Args args = new Args(rest, Set.of("kb", "queries", "clients", "seconds", "scale", "set", "warmup", "data"), Set.of());
                    return new BenchCommand(out).run(args, config(rest), err);
                }
                case "bench-dialogue" -> {
                    Args args = new Args(rest, Set.of("sessions", "set", "database"), Set.of());
                    return new DialogueBenchCommand(out).run(args, config(rest));
                }
                case "bench-desk" -> {
                    Args args = new Args(rest, Set.of("agents", "chats", "max-chats", "messages", "rate", "set"), Set.of());
                    return new DeskBenchCommand(out).run(args, config(rest));
                }
                case "bench-wechat" -> {
                    Args args = new Args(rest, Set.of("users", "seconds", "burst", "set"), Set.of());
                    return new WechatBenchCommand(out).run(args, config(rest));
                }
                case "bench-inbox" -> {
                    Args args = new Args(rest, Set.of("questions", "src", "threshold"), Set.of());
                    if (args.help()) {
                        out.println("usage: ./hotline bench-inbox [--questions 10000] [--src /work/shared/datasets/lcqmc/dev.txt] [--threshold 0.85]");
                        return 0;
                    }
                    var texts = org.openhotline.eval.inbox.InboxClusterBench.lcqmcQuestions(
                            java.nio.file.Path.of(args.option("src") == null ? "/work/shared/datasets/lcqmc/dev.txt" : args.option("src")), args.integer("questions", 10000));
                    var r = org.openhotline.eval.inbox.InboxClusterBench.run(texts, args.option("threshold") == null ? 0.85 : Double.parseDouble(args.option("threshold")), out);
                    out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
                    return 0;
                }
                case "bench-phone-desk" -> {
                    Args args = new Args(rest, Set.of("callers", "agents", "talk-seconds", "rate", "wait-seconds"), Set.of());
                    if (args.help()) {
                        out.println("""
                                usage: ./hotline bench-phone-desk [--callers 20] [--agents 4] [--talk-seconds 3] [--rate 2] [--wait-seconds 90]

                                Starts the product in-process with the phone channel on loopback; AGENTS agents go online, each with
                                a softphone (the project's SIP stack) that answers at once and hangs up after TALK-SECONDS. CALLERS
                                calls (RATE per second) press 0 in the IVR, queue at the desk as voice chats and are rung through to
                                the agents. Prints answered and lost calls (not bridged within WAIT-SECONDS) and the time from the
                                desk's offer to the agent's phone answering (p50/p90/max). Ends with RESULT {...}.""");
                        return 0;
                    }
                    var r = new org.openhotline.eval.phone.PhoneDeskBench(out).run(new org.openhotline.eval.phone.PhoneDeskBench.Settings(
                            args.integer("callers", 20), args.integer("agents", 4), args.integer("talk-seconds", 3), Math.max(1, args.integer("rate", 2)),
                            args.integer("wait-seconds", 90)));
                    out.printf("answered %d of %d calls, lost %d; desk offer → agent phone answered p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                            r.answered(), r.callers(), r.lost(), r.offerToAnswerP50Ms(), r.offerToAnswerP90Ms(), r.offerToAnswerMaxMs());
                    out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
                    return r.lost() == 0 ? 0 : 1;
                }
                case "bench-ivr" -> {
                    Args args = new Args(rest, Set.of("calls", "concurrent", "seconds"), Set.of());
                    if (args.help()) {
                        out.println("""
                                usage: ./hotline bench-ivr [--calls 30] [--concurrent 30] [--seconds 20]

                                Starts the SIP agent with a two-menu IVR of recorded prompts on a loopback port and lets sipp
                                (Debian package sip-tester) place the calls: each caller sends 20 ms PCMU audio for the whole call
                                and presses 1 as RFC 4733 events every two seconds. Prints the 200 OK time after the INVITE, the
                                next prompt's first audio after each key (p50/p95/max), and jitter-buffer underruns (audio gaps).
                                Ends with RESULT {"calls","answerP95Ms","promptP95Ms","underruns", …}.""");
                        return 0;
                    }
                    int calls = args.integer("calls", 30);
                    var r = org.openhotline.eval.phone.IvrLoadBench.run(calls, args.integer("concurrent", calls), args.integer("seconds", 20), out);
                    out.printf("answered %d calls: 200 OK after INVITE p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", r.answered(), r.answerP50Ms(), r.answerP95Ms(), r.answerMaxMs());
                    out.printf("%d keys: next prompt's first audio p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", r.keys(), r.promptP50Ms(), r.promptP95Ms(), r.promptMaxMs());
                    out.printf("caller audio: %d packets in, %d jitter-buffer underruns, %d lost, %d keys heard%n", r.packetsIn(), r.underruns(), r.lost(), r.dtmfIn());
                    out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
                    return r.sippExit() == 0 ? 0 : 1;
                }
                case "bench-asr" -> {
                    return new AsrBenchCommand(out).run(new Args(rest, Set.of("streams", "sentences", "model", "decoder-sessions"), Set.of()));
                }
                case "bench-routing" -> {
                    Args args = new Args(rest, Set.of("agents", "chats", "decisions", "seed"), Set.of());
                    if (args.help()) {
                        out.println("usage: ./hotline bench-routing [--agents 50] [--chats 500] [--decisions 100000] [--seed 7]");
                        return 0;
                    }
                    var r = org.openhotline.eval.desk.RoutingBench.run(args.integer("agents", 50), args.integer("chats", 500),
                            args.integer("decisions", 100000), args.integer("seed", 7), out);
                    out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
                    return 0;
                }
                case "bench-publish" -> {
                    Args args = new Args(rest, Set.of("entries", "changes", "clients", "datasets", "set"), Set.of());
                    if (args.help()) {
                        out.print(PUBLISH_HELP);
                        return 0;
                    }
                    var r = new org.openhotline.eval.publish.PublishBench(out).run(config(rest),
                            java.nio.file.Path.of(args.option("datasets") == null ? "/work/shared/datasets" : args.option("datasets")),
                            args.integer("entries", 20_000), args.integer("changes", 200), Math.max(1, args.integer("clients", 2)));
                    out.println("RESULT " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r));
                    return 0;
                }
                case "train-fusion" -> {
                    Args args = new Args(rest, Set.of("kb", "queries", "train", "set"), Set.of());
                    return new TrainFusionCommand(out).run(args, config(rest), err);
                }
                case "dataset" -> {
                    Args args = new Args(rest, Set.of("src", "out"), Set.of());
                    return new DatasetCommand(out).run(args);
                }
                default -> {
                    err.println("unknown command '" + argv[0] + "' (./hotline --help lists the commands)");
                    return 2;
                }
            }
        } catch (Args.UsageException e) {
            err.println("error: " + e.getMessage() + " (see --help)");
            return 2;
        } catch (ConfigException | KnowledgeFileException | QueryFile.BadQueryFile e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The product's configuration with every {@code --set key=value} applied (repeatable, so read from argv). */
    private HotlineConfig config(String[] argv) {
        return config(argv, Map.of());
    }

    /** As {@link #config(String[])}, with a command's own settings applied first, so that --set still wins. */
    private HotlineConfig config(String[] argv, Map<String, String> presets) {
        HotlineConfig c = HotlineConfig.load(HotlineConfig.defaultFile(env), env);
        for (var p : presets.entrySet()) c = c.with(p.getKey(), p.getValue());
        for (int i = 0; i < argv.length; i++) {
            String kv = null;
            if (argv[i].equals("--set") && i + 1 < argv.length) kv = argv[++i];
            else if (argv[i].startsWith("--set=")) kv = argv[i].substring(6);
            if (kv == null) continue;
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new Args.UsageException("--set takes key=value, not '" + kv + "'");
            c = c.with(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        return c.with("kb.poll-seconds", "0");
    }
}
