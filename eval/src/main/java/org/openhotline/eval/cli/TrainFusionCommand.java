package org.openhotline.eval.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openhotline.eval.fusion.LogisticRegression;
import org.openhotline.eval.quality.EvalQuery;
import org.openhotline.eval.quality.EvalRunner;
import org.openhotline.eval.quality.QueryFile;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.Features;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.server.cli.Args;
import org.openhotline.server.cli.ConsoleProgress;
import org.openhotline.server.config.HotlineConfig;

/**
 * {@code ./hotline train-fusion}: learns the hybrid score's weights from labelled questions. Every
 * candidate of a training question is a row (1 if it is an expected entry); out-of-scope questions
 * contribute only negatives, which is what teaches the model that a close vector alone is not an answer.
 */
final class TrainFusionCommand {
    static final String HELP = """
            usage: ./hotline train-fusion --kb FILE --queries FILE [--train REGEX]

              --train REGEX   train only on queries whose qid matches (default: all); keep the rest for the eval

            Prints the learned weights as the retrieval.fusion block of hotline.yml. Measure them with
            ./hotline eval on questions that were not trained on before putting them in the defaults.
            """;

    private final PrintStream out;

    TrainFusionCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig config, PrintStream err) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        List<org.openhotline.kb.model.Entry> kb = KnowledgeBaseArg.read(args, err);
        if (kb == null) return 1;
        Pattern train = Pattern.compile(args.option("train") == null ? ".*" : args.option("train"));
        List<EvalQuery> queries = QueryFile.read(Path.of(args.required("queries"))).stream()
                .filter(q -> q.kind() != EvalQuery.Kind.TRANSFER && train.matcher(q.qid()).matches()).toList();
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        try (EvalRunner runner = new EvalRunner(config, kb, new ConsoleProgress(out))) {
            Retriever retriever = runner.engine().retriever(runner.engine().retrievalSettings());
            KnowledgeIndex index = runner.engine().indexes().acquire();
            try {
                for (EvalQuery q : queries) {
                    String text = runner.engine().analysis().normalizer().normalize(q.query()).normalized();
                    for (Candidate c : retriever.search(index, text, RetrievalMode.HYBRID, LocalDate.now(), 40)) {
                        xs.add(c.features().toArray());
                        ys.add(q.expectedIds().contains(c.entry().id()) ? 1 : 0);
                    }
                }
            } finally {
                index.release();
            }
        }
        double[][] x = xs.toArray(new double[0][]);
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        double[] w = LogisticRegression.fit(x, y, 1e-2, 50);
        out.printf("trained on %d queries, %d candidate rows (%d positive)%n", queries.size(), y.length, ys.stream().filter(v -> v == 1).count());
        out.println("retrieval:");
        out.println("  fusion:");
        out.printf("    bias: %.4f%n", w[0]);
        for (int i = 0; i < Features.NAMES.size(); i++) out.printf("    %s: %.4f%n", Features.NAMES.get(i), w[i + 1]);
        return 0;
    }
}
