package org.openhotline.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.openhotline.bot.script.ConversationScript;
import org.openhotline.bot.script.ScriptParser;
import org.openhotline.bot.script.ScriptResult;
import org.openhotline.bot.script.ScriptRunner;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.io.ImportResult;
import org.openhotline.kb.model.Entry;
import org.openhotline.server.app.SampleKnowledgeBase;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.server.script.ServerScriptEnvironment;

/**
 * {@code ./hotline conversations [DIR|FILE …] [--kb FILE]}: plays the YAML conversation scripts against the
 * real engine and prints one PASS/FAIL line per conversation, every failed expectation, and a RESULT line.
 */
final class ConversationsCommand {
    static final String HELP = """
            usage: ./hotline conversations [DIR|FILE ...] [--kb FILE]

            Plays conversation scripts (YAML, see README "Conversation scripts") against the real engine: the
            knowledge base (default: the bundled sample, or --kb FILE as .jsonl/.xlsx) indexed in a temp folder,
            a throwaway database, and each script's own configuration and clock. Default scripts: ./conversations.
            Prints PASS/FAIL per conversation with every failed expectation, then
            RESULT {"conversations":N,"passed":N,"failed":N,"turns":N}. Exit code 1 when any failed.
            """;

    private final PrintStream out;
    private final HotlineConfig config;

    ConversationsCommand(PrintStream out, HotlineConfig config) {
        this.out = out;
        this.config = config;
    }

    int run(Args args) throws IOException {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        List<Path> files = new ArrayList<>();
        List<String> pos = args.positional().isEmpty() ? List.of("conversations") : args.positional();
        for (String p : pos) files.addAll(yamlFiles(Path.of(p)));
        if (files.isEmpty()) throw new Args.UsageException("no .yml conversation scripts found in " + pos);
        ScriptParser parser = new ScriptParser();
        List<ConversationScript> scripts = new ArrayList<>();
        for (Path f : files) scripts.addAll(parser.parse(f));
        List<Entry> kb = knowledgeBase(args.option("kb"));
        int passed = 0;
        int turns = 0;
        try (ServerScriptEnvironment env = new ServerScriptEnvironment(config, kb, new ConsoleProgress(out))) {
            ScriptRunner runner = new ScriptRunner(env);
            for (ConversationScript s : scripts) {
                ScriptResult r = runner.run(s);
                turns += r.turns();
                if (r.passed()) passed++;
                out.println((r.passed() ? "PASS " : "FAIL ") + s.file() + " / " + s.name());
                for (String f : r.failures()) out.println("     " + f);
            }
        }
        int failed = scripts.size() - passed;
        out.printf("RESULT {\"conversations\":%d,\"passed\":%d,\"failed\":%d,\"turns\":%d}%n", scripts.size(), passed, failed, turns);
        return failed == 0 ? 0 : 1;
    }

    static List<Path> yamlFiles(Path p) throws IOException {
        if (!Files.exists(p)) throw new Args.UsageException("no such file or folder: " + p);
        if (Files.isRegularFile(p)) return List.of(p);
        try (Stream<Path> s = Files.list(p)) {
            return s.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Entry> knowledgeBase(String file) {
        if (file == null) return SampleKnowledgeBase.load();
        ImportResult r = EntryFiles.read(Path.of(file));
        if (!r.isClean()) throw new Args.UsageException("the knowledge base " + file + " has bad rows: " + r.report());
        return r.entries();
    }

    static Set<String> options() {
        return Set.of("kb");
    }
}
