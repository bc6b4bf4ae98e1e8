package org.openhotline.eval.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openhotline.bot.context.ContextRewriter;
import org.openhotline.bot.context.FollowUpRewriter;
import org.openhotline.eval.followup.Dialogue;
import org.openhotline.eval.followup.DialogueFile;
import org.openhotline.eval.followup.DialogueOutcome;
import org.openhotline.eval.followup.DialoguePlayer;
import org.openhotline.eval.followup.FollowUpMetrics;
import org.openhotline.eval.quality.EvalRunner;
import org.openhotline.eval.quality.QueryFile;
import org.openhotline.server.cli.Args;
import org.openhotline.server.cli.ConsoleProgress;
import org.openhotline.server.config.HotlineConfig;

/** {@code ./hotline eval-followups}: two-turn dialogues played without and with the follow-up rewriter. */
final class FollowUpCommand {
    static final String HELP = """
            usage: ./hotline eval-followups --kb FILE --dialogues FILE [--held-out REGEX] [--skip REGEX] [--details]
                                            [--report FILE.json] [--set key=value ...]

              --kb FILE         knowledge base, .jsonl or .xlsx (as ./hotline kb import reads it)
              --dialogues FILE  JSON Lines {"cid","kind":"followup|control","first","first_expected":[ids],
                                "followup","expected_ids":[ids]}
              --held-out REGEX  cids kept out of tuning, reported apart (default: an odd last digit, '.*[13579]$')
              --skip REGEX      leave out dialogues whose cid matches (tune with --skip '.*[13579]$' to never see the held-out part)
              --details         print each dialogue: the second message's top candidate without and with context, and the rewrite
              --report FILE     also write every figure and each dialogue's outcome as JSON
              --set key=value   run with one configuration key changed (repeatable)

            Builds a throwaway index (never touches ./data) and plays every dialogue as one session through the
            conversation engine twice: with no context (ContextRewriter.NONE) and with the FollowUpRewriter. The
            after-answer transfer rules (repeated-question, unknown-streak, low-satisfaction) are off unless set,
            so that every second message's ranking is seen. hit@1 is the second message's top candidate, whatever
            the tier. Ends with
              RESULT {"n","followups":{…},"tuned":{…},"held_out":{…},"controls":{…}}
            each group {"n","hit1_without","hit1_with","answer_rate_without","answer_rate_with",
            "answered_right_without","answered_right_with","first_answered","rewritten"}.
            """;

    /** Applied before any --set: the transfers that would hide the ranking of a second message. */
    static final Map<String, String> PRESETS = new java.util.TreeMap<>(Map.of(
            "bot.transfer.repeated-question", "false",
            "bot.transfer.unknown-streak", "0",
            "bot.transfer.low-satisfaction", "false"));

    private final PrintStream out;

    FollowUpCommand(PrintStream out) {
        this.out = out;
    }

    int run(Args args, HotlineConfig config, PrintStream err) throws Exception {
        if (args.help()) {
            out.print(HELP);
            return 0;
        }
        Path file = Path.of(args.required("dialogues"));
        List<org.openhotline.kb.model.Entry> kb = KnowledgeBaseArg.read(args, err);
        if (kb == null) return 1;
        List<Dialogue> dialogues = DialogueFile.read(file);
        if (args.option("skip") != null) {
            Pattern skip = Pattern.compile(args.option("skip"));
            dialogues = dialogues.stream().filter(d -> !skip.matcher(d.cid()).matches()).toList();
            if (dialogues.isEmpty()) throw new QueryFile.BadQueryFile("--skip leaves no dialogue of " + file);
        }
        Pattern heldOut = Pattern.compile(args.option("held-out") != null ? args.option("held-out") : ".*[13579]$");
        Predicate<DialogueOutcome> followup = o -> o.dialogue().kind() == Dialogue.Kind.FOLLOWUP;
        Predicate<DialogueOutcome> held = o -> heldOut.matcher(o.dialogue().cid()).matches();
        out.printf("eval-followups: %d entries, %d dialogues%n", kb.size(), dialogues.size());
        List<DialogueOutcome> without;
        List<DialogueOutcome> with;
        long t0 = System.nanoTime();
        try (EvalRunner runner = new EvalRunner(config, kb, new ConsoleProgress(out))) {
            out.printf("index built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            DialoguePlayer player = new DialoguePlayer(runner.engine());
            ContextRewriter rewriter = new FollowUpRewriter(runner.engine().analysis().segmenter(), runner.engine().analysis().lexicon());
            without = player.play(dialogues, ContextRewriter.NONE, "none");
            with = player.play(dialogues, rewriter, "context");
        }
        Map<String, Predicate<DialogueOutcome>> groups = new LinkedHashMap<>();
        groups.put("followups", followup);
        groups.put("tuned", followup.and(held.negate()));
        groups.put("held_out", followup.and(held));
        groups.put("controls", followup.negate());
        if (args.flag("details")) details(without, with);
        out.println();
        out.printf("%-10s %4s %9s %9s %10s %10s %9s %9s %9s %9s%n", "group", "n", "hit@1 w/o", "hit@1 ctx", "answer w/o", "answer ctx",
                "right w/o", "right ctx", "1st answ", "rewritten");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("n", with.size());
        for (var g : groups.entrySet()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < with.size(); i++) if (g.getValue().test(with.get(i))) idx.add(i);
            FollowUpMetrics m = FollowUpMetrics.of(idx.stream().map(without::get).toList(), idx.stream().map(with::get).toList());
            result.put(g.getKey(), m.toMap());
            out.printf("%-10s %4d %9s %9s %10s %10s %9s %9s %9s %9s%n", g.getKey(), m.n(), f(m.hit1Without()), f(m.hit1With()),
                    f(m.answerRateWithout()), f(m.answerRateWith()), f(m.answeredRightWithout()), f(m.answeredRightWith()),
                    f(m.firstAnswered()), f(m.rewritten()));
        }
        long again = with.stream().filter(followup).filter(DialogueOutcome::sameEntryAgain).count();
        out.printf("%nafter-answer transfers off for this measurement (%s); with context, %d follow-ups were answered with%n"
                + "the entry just answered, where the product's repeated-question rule offers a person instead.%n", PRESETS.keySet(), again);
        if (args.option("report") != null) {
            Map<String, Object> report = new LinkedHashMap<>(result);
            report.put("kb", args.option("kb"));
            report.put("dialogues", file.toString());
            report.put("outcomes", outcomes(without, with));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args.option("report")).toFile(), report);
            out.println("report written to " + args.option("report"));
        }
        out.println("RESULT " + new ObjectMapper().writeValueAsString(result));
        return 0;
    }

    private void details(List<DialogueOutcome> without, List<DialogueOutcome> with) {
        out.println();
        for (int i = 0; i < with.size(); i++) {
            DialogueOutcome a = without.get(i);
            DialogueOutcome b = with.get(i);
            out.printf("%-4s %s %-14s %-9s | %s → %-24s | w/o %s %s %.2f | ctx %s %s %.2f | %s%n", b.dialogue().cid(),
                    b.first().answered() ? "answered " + b.first().answeredId() : "first " + b.first().type(),
                    b.dialogue().first(), "", b.dialogue().followup(), b.dialogue().expectedIds(),
                    a.hit() ? "OK  " : "MISS", a.second().top(), a.second().confidence(),
                    b.hit() ? "OK  " : "MISS", b.second().top(), b.second().confidence(), b.rewrite() == null ? "-" : b.rewrite());
        }
    }

    private static List<Map<String, Object>> outcomes(List<DialogueOutcome> without, List<DialogueOutcome> with) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < with.size(); i++) {
            DialogueOutcome a = without.get(i);
            DialogueOutcome b = with.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cid", b.dialogue().cid());
            m.put("kind", b.dialogue().kind().name().toLowerCase());
            m.put("first", b.dialogue().first());
            m.put("first_reply", b.first().type());
            m.put("first_entry", b.first().answeredId());
            m.put("followup", b.dialogue().followup());
            m.put("expected_ids", b.dialogue().expectedIds());
            m.put("without", turn(a));
            m.put("with", turn(b));
            m.put("rewrite", b.rewrite());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> turn(DialogueOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", o.second().type());
        m.put("top", o.second().top());
        m.put("confidence", Math.round(o.second().confidence() * 1000) / 1000.0);
        m.put("hit", o.hit());
        return m;
    }

    private static String f(double d) {
        return Double.isNaN(d) ? "-" : String.format("%.3f", d);
    }
}
