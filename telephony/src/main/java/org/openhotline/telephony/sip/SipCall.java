package org.openhotline.telephony.sip;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import org.openhotline.telephony.rtp.RtpSession;

/**
 * One call leg the agent answered or placed: its SIP dialog and its media. {@link #ended()} completes once,
 * whoever hung up (the caller's BYE, ours, a CANCEL, an expired session timer).
 */
public final class SipCall {
    /** Why a call ended, for logs, the missed-call list and tests. */
    public enum End { CALLER_HANGUP, LOCAL_HANGUP, CANCELLED, SESSION_EXPIRED, REJECTED, FAILED }

    private final SipUserAgent agent;
    private final String callId;
    private final String caller;
    private final String called;
    private final boolean inbound;
    private final RtpSession media;
    private final Instant started = Instant.now();
    private final CompletableFuture<End> ended = new CompletableFuture<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    final AtomicBoolean handlerStarted = new AtomicBoolean();
    /** Set (under the call's lock) once a hang-up has sent its BYE / CANCEL / 480, so a second one sends nothing. */
    boolean hangingUp;
    volatile Dialog dialog;
    volatile ServerTransaction invite;
    volatile String toTag;
    volatile long sdpVersion = 1;
    volatile long inviteNanos;
    volatile int sessionExpires;
    volatile ScheduledFuture<?> pending;    // the ring delay before answering, or the session-timer expiry
    private volatile boolean heldByPeer;
    private volatile java.util.function.Consumer<Refer> onRefer;

    SipCall(SipUserAgent agent, String callId, String caller, String called, boolean inbound, RtpSession media) {
        this.agent = agent;
        this.callId = callId;
        this.caller = caller;
        this.called = called;
        this.inbound = inbound;
        this.media = media;
    }

    public String callId() { return callId; }

    /** The caller's number or user name (From's user part); the callee's for calls we placed. */
    public String caller() { return caller; }

    public String called() { return called; }

    public boolean inbound() { return inbound; }

    public RtpSession media() { return media; }

    public Instant started() { return started; }

    public CompletableFuture<End> ended() { return ended; }

    public boolean isEnded() { return ended.isDone(); }

    /** True while the other side has put us on hold (sendonly or inactive). */
    public boolean heldByPeer() { return heldByPeer; }

    void heldByPeer(boolean held) { this.heldByPeer = held; }

    boolean markAnswered() { return answered.compareAndSet(false, true); }

    boolean answered() { return answered.get(); }

    /** Hangs up with a BYE (or gives up ringing); a no-op once the call has ended. */
    public void hangup() {
        agent.hangup(this, End.LOCAL_HANGUP);
    }

    /**
     * Who handles the phone's transfer key on this call (REFER, see {@link Refer}); called on a SIP thread, so it must
     * hand the work elsewhere. Null (the default) refuses transfers.
     */
    public void onRefer(java.util.function.Consumer<Refer> handler) {
        this.onRefer = handler;
    }

    java.util.function.Consumer<Refer> referHandler() { return onRefer; }

    /** Sends a key to the other side as RFC 4733 events. */
    public void sendDtmf(char key) {
        media.sendDtmf(key);
    }

    void finish(End why) {
        ScheduledFuture<?> p = pending;
        if (p != null) p.cancel(false);
        media.close();
        ended.complete(why);
    }

    @Override
    public String toString() {
        return "call " + callId + (inbound ? " from " : " to ") + Masked.number(inbound ? caller : called);
    }
}
