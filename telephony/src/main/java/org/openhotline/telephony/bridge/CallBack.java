package org.openhotline.telephony.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.Masked;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Click-to-dial (回拨): rings the agent's own phone first, and only once they answer dials the citizen (the agent hears
 * a ringback tone meanwhile), then bridges the two through a {@link Mixer} and records the citizen's leg like any other
 * call ({@link CallRecording}). Either side hanging up ends the other; nothing is dialled if the agent does not answer.
 * Every method is safe from any thread; legs are hung up outside our lock (their end calls back into it).
 */
public final class CallBack {
    private static final Logger log = LoggerFactory.getLogger(CallBack.class);

    /** Where it is, for the console's state line: the agent's phone rings, then the citizen's, they talk, it is over. */
    public enum State { RINGING_AGENT, RINGING_CITIZEN, TALKING, ENDED }

    /**
     * How it ended: REACHED (they talked), NO_ANSWER (the citizen did not answer, was busy or refused), the agent's doing
     * (their phone did not answer, they hung up first), or FAILED (the outbound route, see {@link DialFailure#ofRoute}).
     */
    public enum Outcome { REACHED, NO_ANSWER, AGENT_NO_ANSWER, AGENT_LEFT, FAILED }

    /** {@code reason}: a short word for people and logs (no_answer, 486 Busy Here …), never the number. */
    public record Result(Outcome outcome, String reason) {}

    /**
     * Who to connect. {@code citizenUri} is the outbound route with the number in it; {@code callerId} the user part the
     * citizen's phone shows (the hotline's number); {@code notes} go into the recording's metadata (the task id).
     */
    public record Plan(String agentId, String agentUri, String number, String citizenUri, String callerId, String group,
                       Duration agentRing, Duration citizenRing, Map<String, Object> notes) {}

    private final SipUserAgent ua;
    private final Plan plan;
    private final Path recordings;
    private final RecordingSink sink;
    private final Mixer mixer = new Mixer();
    private final CompletableFuture<Result> ended = new CompletableFuture<>();
    private State state = State.RINGING_AGENT;
    private CompletableFuture<SipCall> ringing; // the leg being dialled now
    private SipCall agent, citizen;
    private CallRecording recording;
    private Result result;

    private CallBack(SipUserAgent ua, Plan plan, Path recordings, RecordingSink sink) {
        this.ua = ua;
        this.plan = plan;
        this.recordings = recordings;
        this.sink = sink == null ? RecordingSink.NONE : sink;
    }

    /** Starts ringing the agent's phone (its display shows the number to be called) and returns at once. */
    public static CallBack place(SipUserAgent ua, Plan plan, Path recordings, RecordingSink sink) {
        CallBack c = new CallBack(ua, plan, recordings, sink);
        CompletableFuture<SipCall> dialing;
        synchronized (c) {
            dialing = ua.dial(plan.agentUri(), plan.number(), plan.agentRing());
            c.ringing = dialing;
        }
        log.info("call back of {}: ringing agent {}", Masked.number(plan.number()), plan.agentId());
        dialing.whenComplete((leg, err) -> c.agentAnswered(dialing, leg, err));
        return c;
    }

    public synchronized State state() { return state; }

    public Plan plan() { return plan; }

    /** Completes once both legs are down and the recording is written. */
    public CompletableFuture<Result> ended() { return ended; }

    /** Ends it from our side (the server stopping, the agent cancelling in the console): a ringing leg stops ringing. */
    public void hangup() {
        CompletableFuture<SipCall> r;
        synchronized (this) {
            if (!decide(new Result(citizen != null ? Outcome.REACHED : Outcome.AGENT_LEFT, "hung_up"))) return;
            r = ringing;
        }
        if (r != null) r.cancel(false);
        finishAndHangUp();
    }

    private void agentAnswered(CompletableFuture<SipCall> dialing, SipCall leg, Throwable err) {
        CompletableFuture<SipCall> next = null;
        boolean failed = false;
        synchronized (this) {
            if (ringing == dialing) ringing = null;
            if (err == null && state == State.RINGING_AGENT) {
                agent = leg;
                state = State.RINGING_CITIZEN;
                leg.media().source(new Ringback());
                next = ua.dial(plan.citizenUri(), plan.callerId(), plan.citizenRing());
                ringing = next;
            } else if (err != null) {
                failed = decide(new Result(Outcome.AGENT_NO_ANSWER, DialFailure.reason(err)));
            }
        }
        if (err != null) {
            if (!failed) return; // we gave up ringing it ourselves: already over
            log.info("call back of {}: agent {} did not answer ({}), nothing dialled", Masked.number(plan.number()), plan.agentId(), DialFailure.reason(err));
            finishAndHangUp();
            return;
        }
        if (next == null) { // hung up from our side meanwhile
            leg.hangup();
            return;
        }
        log.info("call back of {}: agent {} answered, dialling", Masked.number(plan.number()), plan.agentId());
        leg.ended().thenRun(() -> legEnded(leg, Outcome.AGENT_LEFT));
        CompletableFuture<SipCall> dialing2 = next;
        next.whenComplete((c, e) -> citizenAnswered(dialing2, c, e));
    }

    private void citizenAnswered(CompletableFuture<SipCall> dialing, SipCall leg, Throwable err) {
        boolean talking = false, failed = false;
        synchronized (this) {
            if (ringing == dialing) ringing = null;
            if (err == null && state == State.RINGING_CITIZEN) {
                citizen = leg;
                state = State.TALKING;
                recording = new CallRecording(leg, plan.group(), recordings, sink);
                plan.notes().forEach(recording::note);
                recording.note("caller", plan.number()); // the citizen's number, not our From (an outbound leg's caller())
                recording.note("direction", "callback");
                recording.agent(plan.agentId());
                mixer.add(agent.media()); // replaces the ringback
                mixer.add(leg.media());
                talking = true;
            } else if (err != null) {
                failed = decide(new Result(DialFailure.ofRoute(DialFailure.reason(err)) ? Outcome.FAILED : Outcome.NO_ANSWER, DialFailure.reason(err)));
            }
        }
        if (talking) {
            log.info("call back of {}: answered, agent {} talks ({})", Masked.number(plan.number()), plan.agentId(), leg.callId());
            leg.ended().thenRun(() -> legEnded(leg, Outcome.REACHED));
        } else if (failed) {
            if (DialFailure.ofRoute(DialFailure.reason(err))) log.warn("call back of {}: the outbound route failed ({}): check telephony.outbound-uri", Masked.number(plan.number()), DialFailure.reason(err));
            else log.info("call back of {}: not reached ({})", Masked.number(plan.number()), DialFailure.reason(err));
            finishAndHangUp();
        } else if (err == null) {
            leg.hangup(); // the agent hung up as it was answered
        }
    }

    /** A leg hung up: the call is over; while the citizen's phone still rang, that is the agent giving up. */
    private void legEnded(SipCall leg, Outcome ifRinging) {
        CompletableFuture<SipCall> r;
        synchronized (this) {
            Outcome o = state == State.TALKING ? Outcome.REACHED : ifRinging;
            if (!decide(new Result(o, leg == citizen ? "citizen_hangup" : "agent_hangup"))) return;
            r = ringing;
        }
        if (r != null) r.cancel(false);
        finishAndHangUp();
    }

    /** Under our lock: the first decision wins (true); whoever made it ends the call. */
    private boolean decide(Result r) {
        if (state == State.ENDED) return false;
        state = State.ENDED;
        result = r;
        return true;
    }

    private void finishAndHangUp() {
        SipCall a, c;
        synchronized (this) {
            a = agent;
            c = citizen;
        }
        // the recording first, so its end reason still tells which side hung up; off the SIP thread (it waits for the disk)
        Thread.ofVirtual().name("callback-end").start(() -> {
            synchronized (this) {
                if (agent != null) mixer.remove(agent.media());
                if (citizen != null) mixer.remove(citizen.media());
                if (agent != null) agent.media().source(null);
                if (recording != null) recording.finish();
                recording = null;
            }
            for (SipCall leg : new SipCall[] {a, c}) if (leg != null && !leg.isEnded()) leg.hangup();
            Result r;
            synchronized (this) {
                r = result;
            }
            ended.complete(r);
        });
    }
}
