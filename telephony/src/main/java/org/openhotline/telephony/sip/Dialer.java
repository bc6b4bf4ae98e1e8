package org.openhotline.telephony.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The calling side, for the bridge: INVITE with our offer, ACK the 200, CANCEL when nobody answers in time. */
final class Dialer {
    private static final Logger log = LoggerFactory.getLogger(Dialer.class);

    private final SipUserAgent ua;
    private final SipMessages msg;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(SipCall call, ClientTransaction tx, CompletableFuture<SipCall> result) {}

    Dialer(SipUserAgent ua) {
        this.ua = ua;
        this.msg = ua.messages();
    }

    CompletableFuture<SipCall> dial(String target, String fromUser, Duration ringTimeout) {
        CompletableFuture<SipCall> result = new CompletableFuture<>();
        RtpSession rtp = null;
        try {
            SipURI to = (SipURI) msg.addresses.createURI(target.startsWith("sip:") ? target : "sip:" + target);
            String transport = to.getTransportParam() == null ? "udp" : to.getTransportParam().toLowerCase();
            rtp = ua.media().open();
            SipURI fromUri = msg.addresses.createSipURI(fromUser, ua.settings().host());
            FromHeader from = msg.headers.createFromHeader(msg.addresses.createAddress(fromUri), SipMessages.newTag());
            ToHeader toHeader = msg.headers.createToHeader(msg.addresses.createAddress(to), null);
            ViaHeader via = msg.headers.createViaHeader(ua.settings().host(), ua.port(), transport, null);
            CallIdHeader callId = ua.provider().getNewCallId();
            Request invite = msg.messages.createRequest(to, Request.INVITE, callId,
                    msg.headers.createCSeqHeader(1L, Request.INVITE), from, toHeader, List.of(via), msg.headers.createMaxForwardsHeader(70));
            invite.addHeader(msg.contact(transport));
            invite.addHeader(msg.header("User-Agent", ua.settings().userAgent()));
            msg.allow(invite);
            msg.sdp(invite, Sdp.offer(ua.settings().host(), rtp.localPort(), 1));
            ClientTransaction tx = ua.provider().getNewClientTransaction(invite);
            SipCall call = new SipCall(ua, callId.getCallId(), fromUser, SipMessages.userPart(toHeader.getAddress()), false, rtp);
            call.dialog = tx.getDialog();
            ua.calls().put(call.callId(), call);
            pending.put(call.callId(), new Pending(call, tx, result));
            // whoever gave up waiting (the caller hung up, the queue moved on) cancels the future: the phone stops ringing
            result.whenComplete((c, e) -> {
                if (e instanceof java.util.concurrent.CancellationException) call.hangup();
            });
            tx.sendRequest();
            call.pending = ua.timers().schedule(() -> {
                if (!call.answered() && !call.isEnded()) {
                    log.info("{} not answered within {} s", call, ringTimeout.toSeconds());
                    call.hangup();
                    result.completeExceptionally(new TimeoutException("no answer from " + target));
                }
            }, ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (rtp != null) rtp.close();
            result.completeExceptionally(e instanceof IOException ? e : new IOException("cannot call " + target + ": " + e.getMessage(), e));
        }
        return result;
    }

    void response(ResponseEvent evt) throws Exception {
        Response r = evt.getResponse();
        String callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        Pending p = pending.get(callId);
        int status = r.getStatusCode();
        if (status < 200) return;
        Dialog dialog = evt.getDialog() != null ? evt.getDialog() : evt.getClientTransaction() != null ? evt.getClientTransaction().getDialog() : null;
        if (status < 300) {
            if (dialog != null) {
                long cseq = ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber();
                dialog.sendAck(dialog.createAck(cseq)); // again for every retransmitted 200
            }
            if (p == null || p.call().isEnded()) { // answered as we gave up (our CANCEL crossed the 200): end it, or the phone sits in a dead call
                byeLate(dialog, callId);
                return;
            }
            SipCall call = p.call();
            Sdp.Media m;
            synchronized (call) {
                if (call.isEnded()) {
                    byeLate(dialog, callId);
                    return;
                }
                if (!call.markAnswered()) return;
                call.dialog = dialog;
                m = Sdp.parse(SipMessages.body(r)).filter(a -> a.law().isPresent()).orElse(null);
                if (m != null) {
                    call.media().connect(new InetSocketAddress(m.address(), m.port()), m.law().get(),
                            m.dtmfPayloadType() < 0 ? Sdp.DEFAULT_DTMF_PT : m.dtmfPayloadType());
                    var ringTimer = call.pending;
                    if (ringTimer != null) ringTimer.cancel(false);
                }
            }
            pending.remove(callId);
            if (m == null) { // hung up outside the call's lock: its end runs the bridge's callbacks, which take their own
                call.hangup();
                p.result().completeExceptionally(new IOException("the phone answered without a usable G.711 stream"));
                return;
            }
            if (!p.result().complete(p.call())) p.call().hangup(); // answered after the dial was given up
        } else if (p != null) {
            pending.remove(callId);
            ua.end(p.call(), SipCall.End.REJECTED);
            p.result().completeExceptionally(new IOException("call refused: " + status + " " + r.getReasonPhrase()));
        }
    }

    /** RFC 3261 15: a 2xx that arrives after the CANCEL confirms the dialog anyway; the caller must ACK it and send BYE. */
    private void byeLate(Dialog dialog, String callId) {
        if (dialog == null || LATE_BYE.equals(dialog.getApplicationData())) return; // a retransmitted 200: ACKed above, BYE sent
        SipCall live = ua.calls().get(callId);
        if (live != null && !live.isEnded()) return; // still our call: not late
        try {
            dialog.setApplicationData(LATE_BYE);
            Request bye = dialog.createRequest(Request.BYE);
            dialog.sendRequest(ua.provider().getNewClientTransaction(bye));
            log.info("call {} was answered after we stopped ringing it: hung up", callId);
        } catch (Exception e) {
            log.warn("call {} answered late: BYE failed: {}", callId, e.toString());
        }
    }

    private static final String LATE_BYE = "late-bye";

    void timeout(ClientTransaction ct) {
        String callId = ((CallIdHeader) ct.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Pending p = pending.remove(callId);
        if (p == null) return;
        ua.end(p.call(), SipCall.End.FAILED);
        p.result().completeExceptionally(new TimeoutException("no response from " + ct.getRequest().getRequestURI()));
    }

    void cancel(SipCall call) throws Exception {
        Pending p = pending.remove(call.callId());
        if (p == null) return;
        Request cancel = p.tx().createCancel();
        ua.provider().getNewClientTransaction(cancel).sendRequest();
        p.result().completeExceptionally(new TimeoutException("cancelled"));
    }
}
