package org.openhotline.telephony.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openhotline.telephony.ivr.CallIo;
import org.openhotline.telephony.ivr.CallTransfer;
import org.openhotline.telephony.recording.CallRecorder;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.rtp.Playback;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back bridge to people: rings a free agent's SIP phone (the caller hears ringback meanwhile),
 * relays audio both ways through a {@link Mixer}, records the call, and can bring the group leader in (three-way,
 * by API or by the agent keying *3). A transfer nobody answers, or a caller who gives up waiting, goes on the
 * missed-call list for a callback.
 */
public final class Bridge implements CallTransfer {
    private static final Logger log = LoggerFactory.getLogger(Bridge.class);
    private static final short[] RINGBACK = ringback(60);

    private final SipUserAgent ua;
    private final AgentPhones phones;
    private final MissedCalls missed;
    private final Path recordings;
    private final Duration ringTimeout;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private volatile RecordingSink recordingSink = RecordingSink.NONE;

    /** A bridge in progress, by the caller's call id. */
    public final class Active {
        final SipCall caller;
        final String group;
        final Mixer mixer = new Mixer();
        final CallRecorder recorder;
        volatile SipCall third;

        Active(SipCall caller, String group, String agentId) {
            this.caller = caller;
            this.group = group;
            this.recorder = CallRecorder.start(recordings, recordingSink, caller.callId(), caller.caller(), group, agentId);
        }

        /** Brings the group leader (or another phone) into the call; completes when they answer. */
        public CompletableFuture<SipCall> conference(String uri) {
            return ua.dial(uri, caller.caller(), ringTimeout).thenApply(leader -> {
                third = leader;
                mixer.add(leader.media());
                recorder.note("conference", uri);
                leader.ended().thenRun(() -> mixer.remove(leader.media()));
                log.info("{}: three-way call with {}", caller.callId(), uri);
                return leader;
            });
        }

        public int legs() {
            return mixer.size();
        }
    }

    public Bridge(SipUserAgent ua, AgentPhones phones, MissedCalls missed, Path recordings, Duration ringTimeout) {
        this.ua = ua;
        this.phones = phones;
        this.missed = missed;
        this.recordings = recordings;
        this.ringTimeout = ringTimeout;
    }

    /** Where finished recordings are announced (the server's index); set before calls come in. */
    public Bridge recordTo(RecordingSink sink) {
        this.recordingSink = sink;
        return this;
    }

    public Optional<Active> active(String callerCallId) {
        return Optional.ofNullable(active.get(callerCallId));
    }

    public MissedCalls missedCalls() {
        return missed;
    }

    @Override
    public Outcome transfer(CallIo io, String group) {
        SipCall caller = io.sipCall();
        Playback ringing = caller.media().play(RINGBACK);
        java.util.Set<String> tried = new java.util.HashSet<>();
        try {
            while (!caller.isEnded()) {
                Optional<AgentPhones.AgentPhone> agent = phones.reserve(group);
                if (agent.isPresent() && !tried.add(agent.get().sipUri())) {
                    phones.release(agent.get()); // everyone free has been rung once
                    agent = Optional.empty();
                }
                if (agent.isEmpty()) {
                    missed(caller, group, tried.isEmpty() ? "no_agent" : "unanswered");
                    return Outcome.NO_AGENT;
                }
                SipCall agentCall = ring(caller, agent.get());
                if (agentCall == null) {
                    phones.release(agent.get());
                    if (caller.isEnded()) break;
                    continue; // did not answer: the next free agent
                }
                ringing.stop();
                try {
                    talk(caller, agentCall, group, agent.get());
                } finally {
                    phones.release(agent.get());
                }
                return Outcome.TALKED;
            }
            missed(caller, group, "abandoned");
            return Outcome.CALLER_LEFT;
        } finally {
            ringing.stop();
        }
    }

    /** Rings the agent until they answer, refuse, time out, or the caller hangs up; null unless answered. */
    private SipCall ring(SipCall caller, AgentPhones.AgentPhone agent) {
        CompletableFuture<SipCall> dialing = ua.dial(agent.sipUri(), caller.caller(), ringTimeout);
        try {
            while (true) {
                try {
                    return dialing.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRinging) {
                    if (caller.isEnded()) {
                        dialing.thenAccept(SipCall::hangup);
                        dialing.cancel(false);
                        return null;
                    }
                }
            }
        } catch (ExecutionException e) {
            log.info("{}: agent {} did not take the call: {}", caller.callId(), agent.agentId(), e.getCause().getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void talk(SipCall caller, SipCall agentCall, String group, AgentPhones.AgentPhone agent) {
        Active bridge = new Active(caller, group, agent.agentId());
        CallRecorder rec = bridge.recorder;
        bridge.mixer.add(caller.media());
        bridge.mixer.add(agentCall.media());
        caller.media().addListener(rec);
        agentCall.media().addListener(new AgentKeys(bridge, group));
        active.put(caller.callId(), bridge);
        log.info("{}: bridged to agent {} ({})", caller.callId(), agent.agentId(), group);
        try {
            CompletableFuture.anyOf(caller.ended(), agentCall.ended()).join();
        } finally {
            active.remove(caller.callId());
            caller.media().removeListener(rec);
            bridge.mixer.remove(caller.media());
            if (!agentCall.isEnded()) agentCall.hangup();
            SipCall third = bridge.third;
            if (third != null && !third.isEnded()) third.hangup();
            rec.finish(caller.isEnded() ? "caller_hangup" : "agent_hangup");
        }
    }

    /** The agent's keypad: *3 brings the group leader in. */
    private final class AgentKeys implements MediaListener {
        private final Active bridge;
        private final String group;
        private char last;

        AgentKeys(Active bridge, String group) {
            this.bridge = bridge;
            this.group = group;
        }

        @Override
        public void onDtmf(char key) {
            if (last == '*' && key == '3' && bridge.third == null)
                phones.leader(group).ifPresent(l -> bridge.conference(l.sipUri()));
            last = key;
        }
    }

    private void missed(SipCall caller, String group, String reason) {
        missed.add(new MissedCall(caller.callId(), caller.caller(), group, Instant.now(), reason));
        log.info("{}: missed call for {} ({}), listed for a callback", caller.callId(), group, reason);
    }

    /** The Chinese ringback tone: 450 Hz, one second on, four off. */
    private static short[] ringback(int seconds) {
        short[] s = new short[8000 * seconds];
        for (int i = 0; i < s.length; i++) {
            if ((i / 8000) % 5 == 0) s[i] = (short) (5000 * Math.sin(2 * Math.PI * 450 * i / 8000.0));
        }
        return s;
    }
}
