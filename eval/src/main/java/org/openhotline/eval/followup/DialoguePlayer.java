package org.openhotline.eval.followup;

import java.util.ArrayList;
import java.util.List;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.context.ContextRewriter;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.server.app.HotlineEngine;

/**
 * Plays each dialogue through the product's conversation engine, both messages in one session, with a
 * given context rewriter. The rewriter is wrapped to record what it made of each second message.
 */
public final class DialoguePlayer {
    private final HotlineEngine engine;

    public DialoguePlayer(HotlineEngine engine) {
        this.engine = engine;
    }

    public List<DialogueOutcome> play(List<Dialogue> dialogues, ContextRewriter context, String label) {
        Recording recording = new Recording(context);
        Conversation conversation = engine.conversation(RetrievalMode.HYBRID, engine.tiers(), recording);
        List<DialogueOutcome> out = new ArrayList<>(dialogues.size());
        for (Dialogue d : dialogues) {
            String session = "followups-" + label + "-" + d.cid();
            TurnOutcome first = TurnOutcome.of(conversation.respond(session, d.first()));
            recording.last = null;
            TurnOutcome second = TurnOutcome.of(conversation.respond(session, d.followup()));
            out.add(new DialogueOutcome(d, first, second, recording.last));
        }
        return out;
    }

    /** Passes calls through and keeps the last rewrite (the eval plays one message at a time). */
    private static final class Recording implements ContextRewriter {
        private final ContextRewriter inner;
        private String last;

        Recording(ContextRewriter inner) {
            this.inner = inner;
        }

        @Override
        public String rewrite(org.openhotline.nlu.Analysis message, org.openhotline.bot.session.Topic previous) {
            String r = inner.rewrite(message, previous);
            last = r;
            return r;
        }
    }
}
