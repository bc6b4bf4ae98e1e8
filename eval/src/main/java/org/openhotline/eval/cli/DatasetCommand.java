package org.openhotline.eval.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.openhotline.eval.datasets.Faq300;
import org.openhotline.server.cli.Args;

/** {@code ./hotline dataset}: turns a public data set into a knowledge-base file and an eval query file. */
final class DatasetCommand {
    static final String HELP = """
            usage: ./hotline dataset faq300 [--src CSV] [--out DIR]

              faq300   gov-faq300: standard questions + answers become the knowledge base (DIR/faq300-kb.jsonl),
                       each similar question becomes a query (DIR/faq300-queries.jsonl)
              --src    default ../shared/datasets/gov-faq300-zhengwuxitong/faq-300-template.csv
              --out    default target/datasets
            """;

    private final PrintStream out;

    DatasetCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args) throws Exception {
        if (args.help() || args.positional().isEmpty()) {
            out.print(HELP);
            return args.help() ? 0 : 2;
        }
        if (!args.positional().get(0).equals("faq300")) throw new Args.UsageException("unknown data set '" + args.positional().get(0) + "' (faq300)");
        Path src = Path.of(args.option("src") == null ? Faq300.DEFAULT_SRC : args.option("src"));
        Path dir = Path.of(args.option("out") == null ? "target/datasets" : args.option("out"));
        Path kb = dir.resolve("faq300-kb.jsonl"), queries = dir.resolve("faq300-queries.jsonl");
        Faq300.Counts c = Faq300.convert(src, kb, queries);
        out.printf("wrote %s (%d entries) and %s (%d queries)%n", kb, c.entries(), queries, c.queries());
        return 0;
    }
}
