package org.openhotline.telephony.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.openhotline.telephony.ivr.CallIo;
import org.openhotline.telephony.ivr.CallTransfer;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back bridge to people: a transferred caller becomes a {@link WaitingCall} handed to the
 * {@link CallQueue} (the desk), which rings whichever agent it routes the call to; audio is relayed through a
 * {@link Mixer} and recorded. A caller nobody talks to, or who gives up waiting, goes on the missed-call list.
 */
public final class Bridge implements CallTransfer {
    private static final Logger log = LoggerFactory.getLogger(Bridge.class);

    private final SipUserAgent ua;
    private final CallQueue queue;
    private final MissedCalls missed;
    private final Path recordings;
    private final Duration ringTimeout;
    private final Map<String, WaitingCall> active = new ConcurrentHashMap<>();
    private volatile RecordingSink recordingSink = RecordingSink.NONE;
    private volatile Supplier<short[]> holdMusic = () -> null;

    /** @param ringTimeout how long an agent's phone rings before the queue is told it was not answered */
    public Bridge(SipUserAgent ua, CallQueue queue, MissedCalls missed, Path recordings, Duration ringTimeout) {
        this.ua = ua;
        this.queue = queue;
        this.missed = missed;
        this.recordings = recordings;
        this.ringTimeout = ringTimeout;
    }

    /** Where finished recordings are announced (the server's index); set before calls come in. */
    public Bridge recordTo(RecordingSink sink) {
        this.recordingSink = sink == null ? RecordingSink.NONE : sink;
        return this;
    }

    /**
     * The bureau's music on hold: asked once per transferred call, before it queues (so a new recording is heard by the
     * next caller); 8 kHz samples looped, or null for the synthetic {@link HoldMusic}. A supplier that fails counts as null.
     */
    public Bridge holdMusic(Supplier<short[]> music) {
        this.holdMusic = music == null ? () -> null : music;
        return this;
    }

    /** The call in the queue or with an agent, by the caller's call id. */
    public Optional<WaitingCall> active(String callerCallId) {
        return Optional.ofNullable(active.get(callerCallId));
    }

    /** Calls queued or talking through the bridge now (status, and tests checking that ended calls leave nothing). */
    public int activeCalls() {
        return active.size();
    }

    public MissedCalls missedCalls() {
        return missed;
    }

    /** Blocks on the call's thread until the caller talked and one side hung up, nobody took it, or the caller left. */
    @Override
    public Outcome transfer(CallIo io, String group) {
        SipCall caller = io.sipCall();
        WaitingCall call = new WaitingCall(ua, caller, group, ringTimeout, recordings, recordingSink, music(caller));
        call.bridgeLeader = () -> queue.leaderUri(group).ifPresent(uri -> call.conference(uri).exceptionally(e -> {
            log.info("{}: the leader's phone did not join: {}", caller.callId(), e.getMessage());
            return null;
        }));
        active.put(caller.callId(), call);
        try {
            if (call.isOver()) { // hung up during the transfer prompt
                missed(caller, group, "abandoned");
                return Outcome.CALLER_LEFT;
            }
            boolean queued;
            try {
                queued = queue.enqueue(call);
            } catch (RuntimeException e) {
                log.error("{}: the call queue refused the call", caller.callId(), e);
                queued = false;
            }
            if (!queued) {
                missed(caller, group, "no_agent");
                return Outcome.NO_AGENT;
            }
            Outcome o;
            try {
                o = call.outcome().join();
            } catch (CompletionException e) {
                log.warn("{}: the wait for an agent failed", caller.callId(), e.getCause());
                o = Outcome.NO_AGENT;
            }
            if (o == Outcome.NO_AGENT) missed(caller, group, "unanswered");
            else if (o == Outcome.CALLER_LEFT) missed(caller, group, "abandoned");
            return o;
        } finally {
            active.remove(caller.callId());
            call.close();
        }
    }

    private short[] music(SipCall caller) {
        try {
            return holdMusic.get();
        } catch (RuntimeException e) {
            log.warn("{}: the recorded music on hold cannot be played, the synthetic one plays: {}", caller.callId(), e.getMessage());
            return null;
        }
    }

    private void missed(SipCall caller, String group, String reason) {
        missed.add(new MissedCall(caller.callId(), caller.caller(), group, Instant.now(), reason));
        log.info("{}: missed call for {} ({}), listed for a callback", caller.callId(), group, reason);
    }
}
