package org.openhotline.telephony.sip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answering side of calls: INVITE to 200, ACK, BYE, CANCEL, re-INVITE / UPDATE (hold, refresh) and INFO. */
final class InboundCalls {
    private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);
    private static final int MIN_SE = 90;

    private final SipUserAgent ua;
    private final SipMessages msg;
    volatile CallHandler handler;

    InboundCalls(SipUserAgent ua, CallHandler handler) {
        this.ua = ua;
        this.msg = ua.messages();
        this.handler = handler;
    }

    void invite(ServerTransaction st, Request req) throws Exception {
        long received = System.nanoTime();
        String callId = SipUserAgent.callId(req);
        SipCall existing = ua.calls().get(callId);
        if (existing != null) {
            reoffer(existing, st, req, true);
            return;
        }
        st.sendResponse(msg.response(100, req, null));
        int expires = sessionExpires(req);
        if (expires < 0) {
            Response tooSmall = msg.response(422, req, SipMessages.newTag());
            tooSmall.addHeader(msg.header("Min-SE", String.valueOf(MIN_SE)));
            st.sendResponse(tooSmall);
            return;
        }
        String body = SipMessages.body(req);
        var offer = Sdp.parse(body);
        if ((body != null && !body.isBlank() && offer.isEmpty()) || offer.map(o -> o.law().isEmpty()).orElse(false)) {
            st.sendResponse(msg.response(488, req, SipMessages.newTag()));
            return;
        }
        RtpSession rtp;
        try {
            rtp = ua.media().open();
        } catch (IOException e) {
            log.warn("no RTP port for a new call: {}", e.getMessage());
            st.sendResponse(msg.response(503, req, SipMessages.newTag()));
            return;
        }
        SipCall call = new SipCall(ua, callId, SipMessages.fromUser(req), SipMessages.toUser(req), true, rtp);
        call.invite = st;
        call.inviteNanos = received;
        call.dialog = st.getDialog();
        call.toTag = SipMessages.newTag();
        call.sessionExpires = expires;
        offer.ifPresent(o -> apply(call, o));
        ua.calls().put(callId, call);
        long ringMs = ua.settings().ring().toMillis();
        if (ringMs > 0) {
            st.sendResponse(msg.response(180, req, call.toTag));
            call.pending = ua.timers().schedule(() -> answer(call), ringMs, TimeUnit.MILLISECONDS);
        } else {
            answer(call);
        }
    }

    private void answer(SipCall call) {
        synchronized (call) {
            if (call.isEnded() || !call.markAnswered()) return;
            try {
                Request req = call.invite.getRequest();
                Response ok = msg.response(200, req, call.toTag);
                ok.addHeader(msg.contact(call.invite.getRequest().getHeader("Via").toString().toUpperCase().contains("TCP") ? "tcp" : "udp"));
                msg.sdp(ok, sdpFor(call, Sdp.parse(SipMessages.body(req)).orElse(null)));
                timerHeaders(call, ok);
                call.invite.sendResponse(ok);
                ua.answerTimes().add(System.nanoTime() - call.inviteNanos);
                call.dialog = call.invite.getDialog();
                armTimer(call);
            } catch (Exception e) {
                log.warn("answering {} failed: {}", call, e.toString());
                ua.end(call, SipCall.End.FAILED);
            }
        }
    }

    void ack(Request req) {
        SipCall call = ua.calls().get(SipUserAgent.callId(req));
        if (call == null || !call.answered()) return;
        Sdp.parse(SipMessages.body(req)).ifPresent(answer -> apply(call, answer)); // a late offer's answer
        if (!call.handlerStarted.compareAndSet(false, true)) return;
        Thread.ofVirtual().name("call-" + Integer.toHexString(call.callId().hashCode())).start(() -> {
            try {
                CallHandler h = handler;
                if (h != null) h.handle(call);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("call handler failed on {}", call, e);
            } finally {
                call.hangup();
            }
        });
    }

    void bye(ServerTransaction st, Request req) throws Exception {
        SipCall call = ua.calls().get(SipUserAgent.callId(req));
        st.sendResponse(msg.response(call == null ? 481 : 200, req, null));
        if (call != null) ua.end(call, SipCall.End.CALLER_HANGUP);
    }

    void cancel(ServerTransaction st, Request req) throws Exception {
        SipCall call = ua.calls().get(SipUserAgent.callId(req));
        st.sendResponse(msg.response(call == null ? 481 : 200, req, null));
        if (call == null) return;
        synchronized (call) {
            if (call.answered() || call.isEnded()) return; // too late: the caller will send BYE
            call.invite.sendResponse(msg.response(487, call.invite.getRequest(), call.toTag));
            ua.end(call, SipCall.End.CANCELLED);
        }
    }

    void update(ServerTransaction st, Request req) throws Exception {
        SipCall call = ua.calls().get(SipUserAgent.callId(req));
        if (call == null) {
            st.sendResponse(msg.response(481, req, null));
            return;
        }
        reoffer(call, st, req, false);
    }

    /** re-INVITE or UPDATE inside a call: hold / resume, a new address, and a session-timer refresh. */
    private void reoffer(SipCall call, ServerTransaction st, Request req, boolean invite) throws Exception {
        if (call.isEnded()) {
            st.sendResponse(msg.response(481, req, null));
            return;
        }
        var offer = Sdp.parse(SipMessages.body(req));
        if (offer.isPresent() && offer.get().law().isEmpty()) {
            st.sendResponse(msg.response(488, req, null));
            return;
        }
        offer.ifPresent(o -> apply(call, o));
        int expires = sessionExpires(req);
        if (expires > 0) call.sessionExpires = expires;
        Response ok = msg.response(200, req, null);
        ok.addHeader(msg.contact("udp"));
        if (invite || offer.isPresent()) {
            call.sdpVersion++;
            msg.sdp(ok, sdpFor(call, offer.orElse(null)));
        }
        timerHeaders(call, ok);
        st.sendResponse(ok);
        armTimer(call);
    }

    void info(ServerTransaction st, Request req) throws Exception {
        SipCall call = ua.calls().get(SipUserAgent.callId(req));
        if (call == null) {
            st.sendResponse(msg.response(481, req, null));
            return;
        }
        String type = SipMessages.value(req, "Content-Type");
        char key = infoKey(type, SipMessages.body(req));
        if (key == 0) {
            st.sendResponse(msg.response(type == null || type.toLowerCase().contains("dtmf") ? 400 : 415, req, null));
            return;
        }
        call.media().injectDtmf(key); // delivered before the 200, so the caller's next request comes after it
        st.sendResponse(msg.response(200, req, null));
    }

    /** The key of an application/dtmf-relay ("Signal=5") or application/dtmf ("5") body; 0 when there is none. */
    static char infoKey(String contentType, String body) {
        if (contentType == null || body == null) return 0;
        String t = contentType.toLowerCase();
        String value = null;
        if (t.startsWith("application/dtmf-relay")) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("signal")) value = line.substring(eq + 1).trim();
            }
        } else if (t.startsWith("application/dtmf")) {
            value = body.trim();
        }
        if (value == null) return 0;
        if (value.matches("\\d{2}")) { // event codes 10–15 (*, #, A–D) as some phones send them
            return org.openhotline.voice.dtmf.DtmfDigit.ofEventCode(Integer.parseInt(value)).map(org.openhotline.voice.dtmf.DtmfDigit::symbol).orElse('\0');
        }
        if (value.length() != 1) return 0;
        char c = value.charAt(0);
        return org.openhotline.telephony.rtp.DtmfEvent.isKey(c) ? Character.toUpperCase(c) : 0;
    }

    private void apply(SipCall call, Sdp.Media m) {
        call.media().connect(new InetSocketAddress(m.address(), m.port()), m.law().orElse(call.media().law()),
                m.dtmfPayloadType() < 0 ? Sdp.DEFAULT_DTMF_PT : m.dtmfPayloadType());
        call.media().sending(m.direction().answer().sends() && m.port() != 0);
        call.heldByPeer(m.direction() == Sdp.Direction.SENDONLY || m.direction() == Sdp.Direction.INACTIVE || m.port() == 0);
    }

    private String sdpFor(SipCall call, Sdp.Media offer) {
        String host = ua.settings().host();
        int port = call.media().localPort();
        if (offer == null) return Sdp.offer(host, port, call.sdpVersion);
        return Sdp.answer(host, port, call.sdpVersion, offer.law().orElseThrow(), offer.dtmfPayloadType(), offer.direction().answer());
    }

    /** The interval the caller asked for (or ours when it only says it supports timers), 0 for none, -1 if too small. */
    private int sessionExpires(Request req) {
        String v = SipMessages.value(req, "Session-Expires");
        if (v == null) v = SipMessages.value(req, "x");
        if (v != null) {
            try {
                int s = Integer.parseInt(v.split(";")[0].trim());
                return s < MIN_SE ? -1 : s;
            } catch (NumberFormatException bad) {
                return 0;
            }
        }
        return SipMessages.lists(req, "Supported", "timer") ? (int) ua.settings().sessionExpires().toSeconds() : 0;
    }

    private void timerHeaders(SipCall call, Response ok) throws Exception {
        if (call.sessionExpires <= 0) return;
        ok.addHeader(msg.header("Session-Expires", call.sessionExpires + ";refresher=uac"));
        ok.addHeader(msg.header("Require", "timer"));
    }

    /** Ends the call if the caller does not refresh it in time (RFC 4028 10: BYE a little before expiry). */
    private void armTimer(SipCall call) {
        if (call.sessionExpires <= 0) return;
        var old = call.pending;
        if (old != null) old.cancel(false);
        long ms = (call.sessionExpires - Math.min(32, call.sessionExpires / 3)) * 1000L;
        call.pending = ua.timers().schedule(() -> {
            log.info("{} not refreshed within {} s: hanging up", call, call.sessionExpires);
            ua.hangup(call, SipCall.End.SESSION_EXPIRED);
        }, ms, TimeUnit.MILLISECONDS);
    }
}
