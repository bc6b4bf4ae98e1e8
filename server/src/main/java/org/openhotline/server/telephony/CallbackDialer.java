package org.openhotline.server.telephony;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.callback.CallbackOutcome;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.desk.CallbackDialing;
import org.openhotline.server.http.BadRequest;
import org.openhotline.telephony.bridge.AgentPhoneBook;
import org.openhotline.telephony.bridge.CallBack;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-dial on this node: a {@link CallBack} per request, from the agent's phone ({@link AgentPhoneBook}) to the
 * task's number through {@code telephony.outbound-uri}. A citizen who does not answer (or is busy) is logged on the task
 * as a NO_ANSWER attempt by itself; a citizen reached leaves the task claimed, for the agent to record REACHED (or
 * WRONG_NUMBER …) with their notes, which the attempt API would refuse on a task already closed. An agent whose phone
 * did not answer, who hung up before the citizen answered, or a route that failed (FAILED) records nothing.
 */
public final class CallbackDialer implements CallbackDialing {
    private static final Logger log = LoggerFactory.getLogger(CallbackDialer.class);
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9]{3,20}");
    /** How long an ended call's state stays visible to the console's poll. */
    private static final Duration KEEP_ENDED = Duration.ofMinutes(10);

    /** {@code route}: the outbound URI template; {@code callerId}: the user part the citizen's phone shows. */
    public record Settings(String route, String callerId, Duration agentRing, Duration citizenRing, Path recordings) {}

    private record Live(String id, long taskId, String agentId, CallBack call, Instant started) {}

    private final SipUserAgent ua;
    private final AgentPhoneBook phones;
    private final Callbacks tasks;
    private final RecordingSink sink;
    private final Settings settings;
    private final Clock clock;
    private final Map<Long, Live> byTask = new ConcurrentHashMap<>();

    public CallbackDialer(SipUserAgent ua, AgentPhoneBook phones, Callbacks tasks, RecordingSink sink, Settings settings, Clock clock) {
        this.ua = ua;
        this.phones = phones;
        this.tasks = tasks;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code telephony.outbound-uri}: empty (off), or a sip: URI with {number} in it; anything else stops the start. */
    public static String route(String template) {
        String t = template == null ? "" : template.strip();
        if (!t.isEmpty() && (!t.startsWith("sip:") || !t.contains("{number}")))
            throw new ConfigException("'telephony.outbound-uri' is a SIP URI with {number} in it, like sip:{number}@10.0.0.1:5060, not '" + t + "'");
        return t;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String dial(CallbackViewer who, CallbackTask task) {
        String number = task.phone();
        if (number == null || !DIALABLE.matcher(number).matches())
            throw new BadRequest(400, "no_number", "this task has no number that can be dialled");
        String agentUri = phones.uriOf(who.agentId()).orElseThrow(() -> new BadRequest(409, "no_phone",
                "no phone rings for you: register your softphone, or ask for your desk phone in telephony.agent-phones"));
        forgetOld();
        Live live;
        synchronized (this) { // one call back per task and per agent at a time
            Live same = byTask.get(task.id());
            if (same != null && !same.call().ended().isDone())
                throw new BadRequest(409, "call_in_progress", "this task is being called back already");
            if (byTask.values().stream().anyMatch(l -> l.agentId().equals(who.agentId()) && !l.call().ended().isDone()))
                throw new BadRequest(409, "call_in_progress", "you are on another call back: hang it up first");
            Map<String, Object> notes = Map.of("callbackTaskId", String.valueOf(task.id()));
            CallBack call = CallBack.place(ua, new CallBack.Plan(who.agentId(), agentUri, number, settings.route().replace("{number}", number),
                    settings.callerId(), task.skillGroup(), settings.agentRing(), settings.citizenRing(), notes), settings.recordings(), sink);
            live = new Live("cb-" + UUID.randomUUID(), task.id(), who.agentId(), call, clock.instant());
            byTask.put(task.id(), live);
        }
        live.call().ended().thenAccept(r -> record(who, live, r));
        log.info("call back {} of task {} ({}) by agent {}", live.id(), task.id(), task.maskedPhone(), who.agentId());
        return live.id();
    }

    /** The outcome on the task: only a citizen not reached is logged by itself (see the class comment). */
    private void record(CallbackViewer who, Live live, CallBack.Result r) {
        log.info("call back {} of task {} ended: {} ({})", live.id(), live.taskId(), r.outcome(), r.reason());
        if (r.outcome() != CallBack.Outcome.NO_ANSWER) return;
        try {
            tasks.attempt(who, live.taskId(), CallbackOutcome.NO_ANSWER, "回拨未接通（自动记录：" + r.reason() + "）");
        } catch (DeskException e) { // the claim lapsed meanwhile, or the agent recorded something already
            log.info("call back {}: task {} not updated: {}", live.id(), live.taskId(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("call back {}: recording the attempt on task {} failed: {}", live.id(), live.taskId(), e.toString());
        }
    }

    @Override
    public Optional<Map<String, Object>> call(long taskId) {
        Live l = byTask.get(taskId);
        if (l == null) return Optional.empty();
        CallBack.Result r = l.call().ended().getNow(null);
        CallBack.State s = r == null ? l.call().state() : CallBack.State.ENDED; // the outcome comes once the legs are down
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("state", switch (s) {
            case RINGING_AGENT -> "ringing-agent";
            case RINGING_CITIZEN -> "ringing-citizen";
            case TALKING -> "talking";
            case ENDED -> "ended";
        });
        m.put("outcome", r == null ? null : r.outcome().name());
        m.put("reason", r == null ? null : r.reason());
        m.put("agentId", l.agentId());
        m.put("startedAt", l.started().toString());
        return Optional.of(m);
    }

    @Override
    public boolean hangup(CallbackViewer who, long taskId) {
        Live l = byTask.get(taskId);
        if (l == null || l.call().ended().isDone()) return false;
        if (!l.agentId().equals(who.agentId())) throw DeskException.notYours("another agent placed this call");
        l.call().hangup();
        return true;
    }

    /** Whether the agent's phone is in a call back now (ringing or talking): the desk must not ring it for a queued call. */
    public boolean callingBack(String agentId) {
        for (Live l : byTask.values()) if (l.agentId().equals(agentId) && !l.call().ended().isDone()) return true;
        return false;
    }

    /** Calls back in progress on this node (status, and tests checking that ended calls leave nothing). */
    public long live() {
        return byTask.values().stream().filter(l -> !l.call().ended().isDone()).count();
    }

    /** The node stops: every call back is hung up. */
    public void close() {
        byTask.values().forEach(l -> l.call().hangup());
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEEP_ENDED);
        byTask.values().removeIf(l -> l.call().ended().isDone() && l.started().isBefore(before));
    }
}
