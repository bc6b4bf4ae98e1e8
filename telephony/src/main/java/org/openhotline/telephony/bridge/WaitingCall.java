package org.openhotline.telephony.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.openhotline.telephony.ivr.CallTransfer;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.Refer;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A caller handed to people, from the moment they queue until the call is over: hears music on hold and
 * announcements while waiting, is bridged (B2BUA, through a {@link Mixer}) to the agent whose phone answers, can be
 * held while the agent consults a colleague, passed on, or joined by a leader. The {@link CallQueue} drives it; every
 * method is safe from any thread and does nothing once the call is over.
 */
public final class WaitingCall {
    private static final Logger log = LoggerFactory.getLogger(WaitingCall.class);

    /** What the call tells its queue. Called on SIP / media threads: hand work elsewhere and return. */
    public interface Listener {
        /** The caller hung up; {@code agentId} is the agent they were talking to, null while still waiting. */
        void callerLeft(String agentId);

        /** The agent talking with the caller hung up their phone (the caller goes on in the IVR). */
        void agentLeft(String agentId);

        /** The agent hung up while consulting: the colleague they consulted now talks with the caller. */
        default void handedOver(String fromAgent, String toAgent) {}

        /**
         * The agent's phone asks for a blind transfer (its transfer key, REFER): agree with {@link #handOff}, or
         * refuse with {@link Refer#progress} and a failure status (the call stays with the agent).
         */
        default void referred(String agentId, Refer refer) {
            refer.progress(603, "Declined");
        }

        Listener NONE = new Listener() {
            @Override
            public void callerLeft(String agentId) {}

            @Override
            public void agentLeft(String agentId) {}
        };
    }

    private final SipUserAgent ua;
    private final SipCall caller;
    private final String group;
    private final Duration ringTimeout;
    private final CallerAudio audio;
    private final CompletableFuture<CallTransfer.Outcome> outcome = new CompletableFuture<>();
    private volatile Listener listener = Listener.NONE;
    private volatile SipCall agent, third; // read unlocked by the agent's keypad
    private SipCall consulted;
    private String agentId, consultedId;
    private CompletableFuture<SipCall> ringing, consulting; // the agent's phone, the consulted colleague's, while they ring
    private final CallRecording recording;
    /** What the agent's {@code *3} does (the bridge brings the group's leader in). */
    volatile Runnable bridgeLeader = () -> {};

    WaitingCall(SipUserAgent ua, SipCall caller, String group, Duration ringTimeout, Path recordings, RecordingSink recordingSink,
                short[] holdMusic) {
        this.ua = ua;
        this.caller = caller;
        this.group = group;
        this.ringTimeout = ringTimeout;
        this.recording = new CallRecording(caller, group, recordings, recordingSink);
        this.audio = new CallerAudio(caller.media(), holdMusic);
        caller.ended().thenRun(this::callerEnded);
    }

    public String callId() { return caller.callId(); }

    /** The caller's number as signalled. */
    public String caller() { return caller.caller(); }

    public String group() { return group; }

    /** Adds a line to the call's recording metadata (the desk's chat id as "chatId"), kept until someone answers. */
    public synchronized void note(String key, Object value) {
        recording.note(key, value);
    }

    public boolean isOver() { return outcome.isDone(); }

    /** The agent the caller talks to now, or null. */
    public synchronized String agentId() { return agentId; }

    /** Legs in the mix (caller, agent, leader …): 2 for a plain bridge, 3 for a three-way call. */
    public int legs() { return audio.legs(); }

    public void listen(Listener l) { this.listener = l == null ? Listener.NONE : l; }

    CompletableFuture<CallTransfer.Outcome> outcome() { return outcome; }

    /**
     * Plays an announcement (position, wait) over the hold music, which goes on afterwards; false (nothing played)
     * while an agent's phone rings or an agent has the call (talking, or holding it for a consultation).
     */
    public synchronized boolean announce(short[] pcm8k) {
        if (!waitingWithMusic()) return false;
        caller.media().play(pcm8k);
        return true;
    }

    /** Whether {@link #announce} would play now: lets the queue skip synthesising an announcement nobody would hear. */
    public synchronized boolean waitingWithMusic() {
        return !isOver() && audio.onHold() && agent == null && ringing == null;
    }

    /**
     * Rings the agent's phone (the caller keeps hearing music); completes true once they answered and talk with
     * the caller, false when they refused, did not answer within the ring timeout, or the caller left.
     */
    public CompletableFuture<Boolean> ring(String agentId, String uri) {
        CompletableFuture<SipCall> dialing;
        synchronized (this) {
            if (isOver() || agent != null || ringing != null) return CompletableFuture.completedFuture(false);
            dialing = ua.dial(uri, caller.caller(), ringTimeout);
            ringing = dialing;
            caller.media().stopPlayback(); // being put through: music, not "您前面还有0位"
        }
        return dialing.handle((leg, err) -> {
            synchronized (this) {
                if (ringing == dialing) ringing = null;
                if (err != null) {
                    log.info("{}: agent {} did not take the call: {}", caller.callId(), agentId, err.getMessage());
                    return false;
                }
                if (isOver() || agent != null) {
                    leg.hangup();
                    return false;
                }
                connect(leg, agentId);
                return true;
            }
        });
    }

    /** Gives up ringing the agent's phone (the desk moved the offer on); the ring's future completes false. */
    public void stopRinging() {
        CompletableFuture<SipCall> r;
        synchronized (this) {
            r = ringing;
        }
        if (r != null) r.cancel(false);
    }

    private void connect(SipCall leg, String id) {
        agent = leg;
        agentId = id;
        recording.agent(id);
        audio.add(leg.media());
        leg.media().addListener(keysOf(leg));
        leg.onRefer(refer -> referred(leg, refer));
        audio.talk();
        leg.ended().thenRun(() -> agentEnded(leg));
        log.info("{}: bridged to agent {} ({})", caller.callId(), id, group);
    }

    /**
     * Blind transfer: the agent's leg is hung up and the caller hears music until {@link #ring} finds the next agent.
     * A colleague the agent was consulting goes too (a colleague still ringing is cancelled), or they would be left
     * in the mix with the next agent.
     */
    public synchronized void dropAgent() {
        if (agent == null) return;
        SipCall leg = agent;
        agent = null;
        agentId = null;
        audio.remove(leg.media());
        leg.hangup();
        if (consulting != null) consulting.cancel(false);
        if (consulted != null) cancelConsult();
        audio.hold();
    }

    /**
     * The agent's phone transferred the call (REFER) and the queue agreed: the agent's leg leaves the mix, the phone
     * hears "200 OK" and is hung up, the caller waits with music until {@link #ring} finds the target; false when the
     * phone is no longer the one talking (the phone is told so).
     */
    public boolean handOff(Refer refer) {
        SipCall leg = refer.call();
        synchronized (this) {
            if (isOver() || leg != agent) {
                refer.progress(481, "Call Does Not Exist");
                return false;
            }
            agent = null;
            agentId = null;
            audio.remove(leg.media());
            if (consulting != null) consulting.cancel(false);
            if (consulted != null) cancelConsult();
            audio.hold();
        }
        refer.progress(200, "OK");
        leg.hangup();
        return true;
    }

    private void referred(SipCall leg, Refer refer) {
        String id;
        synchronized (this) {
            id = leg == agent && !isOver() ? agentId : null;
        }
        if (id == null) refer.progress(481, "Call Does Not Exist");
        else listener.referred(id, refer);
    }

    /** Attended transfer, first step: the caller is held with music while the agent talks with a colleague. */
    public CompletableFuture<Boolean> consult(String colleagueId, String uri) {
        CompletableFuture<SipCall> dialing;
        SipCall consultingAgent;
        synchronized (this) {
            if (isOver() || agent == null || consulted != null || consulting != null) return CompletableFuture.completedFuture(false);
            audio.hold();
            dialing = ua.dial(uri, caller.caller(), ringTimeout);
            consulting = dialing;
            consultingAgent = agent;
        }
        return dialing.handle((leg, err) -> {
            synchronized (this) {
                if (consulting == dialing) consulting = null;
                if (err != null || isOver() || agent != consultingAgent) { // failed, or the agent who asked is gone
                    if (leg != null) leg.hangup();
                    if (!isOver() && agent != null) audio.talk();
                    return false;
                }
                consulted = leg;
                consultedId = colleagueId;
                audio.add(leg.media());
                leg.ended().thenRun(() -> consultEnded(leg));
                log.info("{}: agent {} consults {}", caller.callId(), agentId, colleagueId);
                return true;
            }
        });
    }

    /** Attended transfer done: the colleague talks with the caller, the first agent's leg is hung up. */
    public synchronized boolean completeConsult() {
        if (consulted == null || isOver()) return false;
        SipCall first = agent;
        agent = consulted;
        agentId = consultedId;
        consulted = null;
        consultedId = null;
        if (first != null) {
            audio.remove(first.media());
            first.hangup();
        }
        SipCall now = agent;
        now.media().addListener(keysOf(now));
        now.onRefer(refer -> referred(now, refer));
        now.ended().thenRun(() -> agentEnded(now));
        recording.agent(agentId);
        audio.talk();
        return true;
    }

    /** Attended transfer abandoned: the colleague's leg is hung up, the caller is back with their agent. */
    public synchronized boolean cancelConsult() {
        if (consulted == null) return false;
        SipCall leg = consulted;
        consulted = null;
        consultedId = null;
        audio.remove(leg.media());
        leg.hangup();
        if (agent != null) audio.talk();
        return true;
    }

    /** Brings a leader (or another phone) into the call: a three-way call; completes when they answer. */
    public CompletableFuture<SipCall> conference(String uri) {
        return ua.dial(uri, caller.caller(), ringTimeout).thenApply(leader -> {
            synchronized (this) {
                if (isOver()) {
                    leader.hangup();
                    throw new IllegalStateException("the call ended meanwhile");
                }
                third = leader;
                audio.add(leader.media());
                recording.conference(uri);
                leader.ended().thenRun(() -> audio.remove(leader.media()));
                log.info("{}: three-way call with {}", caller.callId(), uri);
                return leader;
            }
        });
    }

    /** Nobody will take the call (queue timeout): the IVR goes on with its next node (a voicemail offer). */
    public synchronized void noAgent() {
        if (agent == null) outcome.complete(CallTransfer.Outcome.NO_AGENT);
    }

    /**
     * The chat ended at the desk: their leg is hung up, the caller goes on in the IVR — to {@code after} (the survey)
     * when they talked to someone, else (closed while waiting or ringing) to {@code next} as a missed call.
     */
    public synchronized void finish() {
        outcome.complete(recording.talked() ? CallTransfer.Outcome.TALKED : CallTransfer.Outcome.NO_AGENT);
    }

    private void callerEnded() {
        String id;
        synchronized (this) {
            id = agentId;
            outcome.complete(recording.talked() ? CallTransfer.Outcome.TALKED : CallTransfer.Outcome.CALLER_LEFT);
        }
        listener.callerLeft(id);
    }

    private void agentEnded(SipCall leg) {
        String id, colleague = null;
        synchronized (this) {
            if (leg != agent) return; // dropped or replaced by us
            id = agentId;
            if (consulted != null) { // the first agent left mid-consultation: the colleague takes over
                colleague = consultedId;
                completeConsult();
            } else {
                agent = null;
                agentId = null;
                outcome.complete(CallTransfer.Outcome.TALKED);
            }
        }
        if (colleague != null) listener.handedOver(id, colleague);
        else listener.agentLeft(id);
    }

    private void consultEnded(SipCall leg) {
        synchronized (this) {
            if (leg == consulted) cancelConsult();
        }
    }

    /** Over: every leg we placed is hung up, the recording written. Called once by the bridge. */
    void close() {
        SipCall[] legs;
        synchronized (this) {
            outcome.complete(CallTransfer.Outcome.NO_AGENT);
            if (ringing != null) ringing.cancel(false);
            if (consulting != null) consulting.cancel(false);
            legs = new SipCall[] {agent, consulted, third};
        }
        // outside our lock: a leg's end runs agentEnded(), which takes it (a leg ending on its own thread while we
        // held it waited for the leg's lock in return: deadlock at shutdown)
        for (SipCall leg : legs) if (leg != null && !leg.isEnded()) leg.hangup();
        synchronized (this) {
            audio.close();
            recording.finish();
        }
    }

    /** The agent's keypad on {@code leg}: {@code *3} brings the leader in, while that leg talks and no third party is on. */
    private AgentKeys keysOf(SipCall leg) {
        return new AgentKeys(() -> third == null && leg == agent, () -> bridgeLeader);
    }
}
