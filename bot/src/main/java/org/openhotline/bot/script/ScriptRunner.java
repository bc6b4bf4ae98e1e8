package org.openhotline.bot.script;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhotline.bot.BotJson;
import org.openhotline.bot.Conversation;
import org.openhotline.bot.message.Channel;
import org.openhotline.bot.message.Inbound;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.session.ConversationSession;

/** Plays conversation scripts turn by turn and collects every expectation that does not hold (not only the first). */
public final class ScriptRunner {
    private final ScriptEnvironment env;

    public ScriptRunner(ScriptEnvironment env) {
        this.env = env;
    }

    public ScriptResult run(ConversationScript script) {
        MovableClock clock = new MovableClock(script.start(), script.zone());
        List<String> failures = new ArrayList<>();
        Channel channel;
        try {
            channel = Channel.fromWire(script.channel());
        } catch (IllegalArgumentException e) {
            return new ScriptResult(script.name(), script.file(), 0, List.of(e.getMessage()));
        }
        Conversation c;
        try {
            c = env.start(script, clock);
        } catch (RuntimeException e) {
            return new ScriptResult(script.name(), script.file(), 0, List.of("could not start: " + e.getMessage()));
        }
        // one citizen per run, so scripts sharing a database never see each other's sessions
        String citizen = "script-" + java.util.UUID.randomUUID();
        Inbound probe = new Inbound(channel, citizen, "");
        int turns = 0;
        Reply last = null;
        for (ScriptStep step : script.steps()) {
            String at = "turn " + step.index();
            Reply reply = null;
            try {
                if (step.advance() != null) {
                    clock.advance(step.advance());
                    continue;
                }
                if (step.restart()) {
                    c = env.restart(script, clock);
                    continue;
                }
                if (step.sweep()) {
                    List<Conversation.Closed> closed = c.closeIdle(1000);
                    reply = closed.stream().filter(x -> x.sessionId().equals(probe.sessionId())).findFirst()
                            .map(x -> Reply.of(org.openhotline.bot.message.ReplyType.ANSWER, org.openhotline.bot.message.ReplyAct.CLOSING, x.text(), "idle"))
                            .orElse(null);
                    if (reply == null && step.expect() != null) failures.add(at + " (sweep): the session was not closed");
                    if (reply == null) continue;
                } else if (step.helpful() != null) {
                    String entry = last == null ? null : last.entryId();
                    if (entry == null) {
                        failures.add(at + " (rate): the previous reply has no entry to rate");
                        continue;
                    }
                    reply = c.feedback(probe.sessionId(), entry, step.helpful());
                } else {
                    turns++;
                    reply = c.respond(new Inbound(channel, citizen, step.user())).reply();
                    at += " (user: " + step.user() + ")";
                }
            } catch (RuntimeException e) {
                failures.add(at + ": " + e);
                continue;
            }
            last = reply;
            if (step.expect() != null) check(step.expect(), reply, c.sessions().find(probe.sessionId()), at, failures);
        }
        return new ScriptResult(script.name(), script.file(), turns, failures);
    }

    static void check(Expectation e, Reply r, ConversationSession s, String at, List<String> failures) {
        String got = " — got " + r.type().wireName() + "/" + r.act().wireName() + " '" + abbreviate(r.text()) + "'"
                + (r.entryId() != null ? " entry " + r.entryId() : "") + (r.reason() != null ? " reason '" + r.reason() + "'" : "");
        if (e.type() != null && !e.type().equals(r.type().wireName())) failures.add(at + ": expected type " + e.type() + got);
        if (e.act() != null && !e.act().equals(r.act().wireName())) failures.add(at + ": expected act " + e.act() + got);
        if (e.entry() != null && !e.entry().equals(r.entryId() == null ? "none" : r.entryId())) failures.add(at + ": expected entry " + e.entry() + got);
        for (String t : e.contains()) if (!r.text().contains(t)) failures.add(at + ": expected the text to contain '" + t + "'" + got);
        for (String t : e.notContains()) if (r.text().contains(t)) failures.add(at + ": expected the text not to contain '" + t + "'" + got);
        if (e.transfer() != null && !e.transfer().equals(r.transfer() == null ? "none" : r.transfer())) failures.add(at + ": expected transfer " + e.transfer() + got);
        if (e.reason() != null && (r.reason() == null || !r.reason().contains(e.reason()))) failures.add(at + ": expected the reason to mention '" + e.reason() + "'" + got);
        for (String b : e.buttons()) if (!r.buttons().contains(b)) failures.add(at + ": expected a button '" + b + "', buttons " + r.buttons() + got);
        if (e.flow() != null || !e.slots().isEmpty()) checkFlow(e, s, at, failures);
    }

    private static void checkFlow(Expectation e, ConversationSession s, String at, List<String> failures) {
        JsonNode state = null;
        if (s != null && s.flowState() != null) {
            try {
                state = BotJson.mapper().readTree(s.flowState());
            } catch (java.io.IOException ex) {
                failures.add(at + ": the session's flow state is not JSON");
                return;
            }
        }
        String flow = state == null ? "none" : state.path("flowId").asText("none");
        if (e.flow() != null && !e.flow().equals(flow)) failures.add(at + ": expected flow " + e.flow() + " — the session's flow is " + flow);
        for (Map.Entry<String, String> slot : e.slots().entrySet()) {
            String v = state == null ? null : state.path("slots").path(slot.getKey()).asText(null);
            if (!slot.getValue().equals(v)) failures.add(at + ": expected slot " + slot.getKey() + " = " + slot.getValue() + " — it is " + v);
        }
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
