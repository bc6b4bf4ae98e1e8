package org.openhotline.eval.followup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.context.ContextRewriter;
import org.openhotline.bot.context.FollowUpRewriter;
import org.openhotline.eval.quality.EvalRunner;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.SampleKnowledgeBase;
import org.openhotline.server.config.HotlineConfig;

/**
 * Context must help follow-ups and must not hijack new questions, measured as ./hotline eval-followups
 * measures it on the held-out follow-ups (odd cids, never looked at while tuning) and the controls. The
 * floors sit a little below today's figures (README).
 */
class FollowUpQualityTest {
    static final Pattern HELD_OUT = Pattern.compile(".*[13579]$");

    @Test
    void contextBeatsNoContextOnHeldOutFollowUpsAndLeavesControlsAlone() throws Exception {
        List<Dialogue> dialogues = DialogueFile.read(Path.of("data/followups.jsonl")).stream()
                .filter(d -> d.kind() == Dialogue.Kind.CONTROL || HELD_OUT.matcher(d.cid()).matches()).toList();
        HotlineConfig config = HotlineConfig.defaultsOnly().with("bot.transfer.repeated-question", "false")
                .with("bot.transfer.unknown-streak", "0").with("bot.transfer.low-satisfaction", "false");
        List<DialogueOutcome> without, with;
        try (EvalRunner runner = new EvalRunner(config, SampleKnowledgeBase.load(), ProgressListener.NONE)) {
            DialoguePlayer player = new DialoguePlayer(runner.engine());
            without = player.play(dialogues, ContextRewriter.NONE, "none");
            with = player.play(dialogues, new FollowUpRewriter(runner.engine().analysis().segmenter(), runner.engine().analysis().lexicon()), "context");
        }
        FollowUpMetrics followUps = metrics(without, with, Dialogue.Kind.FOLLOWUP);
        FollowUpMetrics controls = metrics(without, with, Dialogue.Kind.CONTROL);
        String figures = "follow-ups " + followUps + "\ncontrols " + controls;
        assertTrue(followUps.n() >= 30 && controls.n() >= 15, figures);
        assertTrue(followUps.hit1With() >= 0.78, figures);
        assertTrue(followUps.hit1With() >= followUps.hit1Without() + 0.15, figures);
        assertTrue(followUps.answeredRightWith() > followUps.answeredRightWithout(), figures);
        assertTrue(controls.hit1With() >= controls.hit1Without(), figures);
    }

    private static FollowUpMetrics metrics(List<DialogueOutcome> without, List<DialogueOutcome> with, Dialogue.Kind kind) {
        return FollowUpMetrics.of(without.stream().filter(o -> o.dialogue().kind() == kind).toList(),
                with.stream().filter(o -> o.dialogue().kind() == kind).toList());
    }
}
