package org.openhotline.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.eval.quality.EvalQuery;
import org.openhotline.eval.quality.EvalRunner;
import org.openhotline.eval.quality.Metrics;
import org.openhotline.eval.quality.Outcome;
import org.openhotline.eval.quality.QueryFile;
import org.openhotline.eval.quality.ThresholdCurve;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.cli.Args;
import org.openhotline.server.cli.ConsoleProgress;
import org.openhotline.server.config.HotlineConfig;

/** {@code ./hotline eval}: accuracy of BM25, vector and hybrid side by side; the last line is the contract. */
final class EvalCommand {
    static final String HELP = """
            usage: ./hotline eval --kb FILE --queries FILE [--report FILE.json] [--skip REGEX] [--set key=value ...]

              --kb FILE        knowledge base, .jsonl or .xlsx (as ./hotline kb import reads it)
              --queries FILE   JSON Lines {"qid","query","kind":"faq|out_of_scope|transfer","expected_ids":[...]}
              --report FILE    also write every figure, the threshold curve and each query's outcome as JSON
              --skip REGEX     leave out queries whose qid matches (the held-out figures: --skip '.*-a$|oos-0[0-3].*')
              --set key=value  run with one configuration key changed (repeatable, e.g. bot.answer-threshold=0.8)

            Builds a throwaway index (never touches ./data), runs every query as a new session through the
            conversation engine for BM25-only, vector-only and hybrid retrieval, prints a table and ends with
              RESULT {"n","hit1","recall3","mrr","answer_rate","answer_precision","oos_reject","transfer_detect","p50_ms","p99_ms"}
            for the default (hybrid) configuration. Exit 0 when it ran; 1 with a message naming the file and line otherwise.
            """;

    private final PrintStream out;

    EvalCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig config, PrintStream err) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        Path kbFile = Path.of(args.required("kb"));
        Path queryFile = Path.of(args.required("queries"));
        List<org.openhotline.kb.model.Entry> kb = KnowledgeBaseArg.read(args, err);
        if (kb == null) return 1;
        List<EvalQuery> queries = QueryFile.read(queryFile);
        if (args.option("skip") != null) { // e.g. the questions a model was trained on
            java.util.regex.Pattern skip = java.util.regex.Pattern.compile(args.option("skip"));
            queries = queries.stream().filter(q -> !skip.matcher(q.qid()).matches()).toList();
            if (queries.isEmpty()) throw new QueryFile.BadQueryFile("--skip leaves no query of " + queryFile);
        }
        out.printf("eval: %d entries, %d queries%n", kb.size(), queries.size());
        long t0 = System.nanoTime();
        Map<RetrievalMode, List<Outcome>> byMode;
        Map<String, Object> cfg = new LinkedHashMap<>();
        try (EvalRunner runner = new EvalRunner(config, kb, new ConsoleProgress(out))) {
            out.printf("index built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            byMode = runner.run(queries, List.of(RetrievalMode.BM25, RetrievalMode.VECTOR, RetrievalMode.HYBRID));
            cfg.put("tiers", runner.engine().tiers().toString());
            cfg.put("retrieval", runner.engine().retrievalSettings().toString());
        }
        out.println();
        out.printf("%-7s %6s %8s %7s %11s %12s %10s %9s %7s %7s%n", "mode", "hit@1", "recall@3", "mrr@10", "answer_rate",
                "answer_prec", "oos_reject", "transfer", "p50_ms", "p99_ms");
        Map<String, Object> modes = new LinkedHashMap<>();
        for (RetrievalMode m : List.of(RetrievalMode.BM25, RetrievalMode.VECTOR, RetrievalMode.HYBRID)) {
            Metrics x = Metrics.of(byMode.get(m));
            modes.put(m.name().toLowerCase(), x.toMap());
            out.printf("%-7s %6s %8s %7s %11s %12s %10s %9s %7.1f %7.1f%n", m.name().toLowerCase(), f(x.hit1()), f(x.recall3()), f(x.mrr()),
                    f(x.answerRate()), f(x.answerPrecision()), f(x.oosReject()), f(x.transferDetect()), x.p50Ms(), x.p99Ms());
        }
        List<Outcome> hybrid = byMode.get(RetrievalMode.HYBRID);
        double margin = config.decimal("bot.answer-margin");
        List<ThresholdCurve.Point> curve = ThresholdCurve.compute(hybrid, margin, 0.50, 0.98, 0.02);
        out.println();
        out.println("hybrid answer threshold curve (margin " + margin + "; configured " + config.decimal("bot.answer-threshold") + "):");
        out.printf("  %9s %11s %12s %10s%n", "threshold", "answer_rate", "answer_prec", "oos_reject");
        for (ThresholdCurve.Point p : curve) {
            out.printf("  %9.2f %11s %12s %10s%n", p.threshold(), f(p.answerRate()), f(p.precision()), f(p.oosReject()));
        }
        double t95 = ThresholdCurve.lowestWithPrecision(curve, 0.95);
        out.println("  lowest threshold with answer precision >= 0.95: " + (Double.isNaN(t95) ? "none" : String.format("%.2f", t95)));
        if (args.option("report") != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("kb", kbFile.toString());
            report.put("queries", queryFile.toString());
            report.put("config", cfg);
            report.put("modes", modes);
            report.put("threshold_curve", ThresholdCurve.toMaps(curve));
            Map<String, Object> perMode = new LinkedHashMap<>();
            for (RetrievalMode m : List.of(RetrievalMode.HYBRID, RetrievalMode.VECTOR, RetrievalMode.BM25)) {
                perMode.put(m.name().toLowerCase(), outcomes(byMode.get(m)));
            }
            report.put("outcomes", perMode);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args.option("report")).toFile(), report);
            out.println("report written to " + args.option("report"));
        }
        out.println("RESULT " + new ObjectMapper().writeValueAsString(modes.get("hybrid")));
        return 0;
    }

    private static List<Map<String, Object>> outcomes(List<Outcome> os) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Outcome o : os) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("qid", o.query().qid());
            m.put("query", o.query().query());
            m.put("kind", o.query().kind().name().toLowerCase());
            m.put("expected_ids", o.query().expectedIds());
            m.put("type", o.type());
            m.put("ranked", o.rankedIds());
            m.put("rank_of_expected", o.rankOfExpected());
            m.put("confidence", Math.round(o.topScore() * 1000) / 1000.0);
            out.add(m);
        }
        return out;
    }

    private static String f(double d) {
        return Double.isNaN(d) ? "-" : String.format("%.3f", d);
    }
}
