package org.openhotline.telephony.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipStack;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hotline registered at a PBX or SIP trunk (RFC 3261 10), answering digest challenges with the
 * configured user and password and refreshing at half the granted interval; retries every 30 s on failure.
 */
final class Registration {
    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final SipUserAgent ua;
    private final SipMessages msg;
    private final AuthenticationHelper auth;
    private final CallIdHeader callId;
    private long cseq = 1;
    private volatile boolean registered;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> next;

    Registration(SipUserAgent ua, SipStack stack) {
        this.ua = ua;
        this.msg = ua.messages();
        SipSettings s = ua.settings();
        this.auth = ((SipStackExt) stack).getAuthenticationHelper((tx, realm) -> new UserCredentials() {
            public String getUserName() { return s.user(); }
            public String getPassword() { return s.password(); }
            public String getSipDomain() { return realm; }
        }, msg.headers);
        this.callId = ua.provider().getNewCallId();
    }

    boolean registered() {
        return registered;
    }

    void start() {
        send(ua.settings().registerExpires().toSeconds());
    }

    void stop() {
        stopped = true;
        var n = next;
        if (n != null) n.cancel(false);
        if (registered) send(0);
    }

    private synchronized void send(long expires) {
        try {
            SipSettings s = ua.settings();
            SipURI registrar = (SipURI) msg.addresses.createURI(s.registrar().startsWith("sip:") ? s.registrar() : "sip:" + s.registrar());
            String transport = registrar.getTransportParam() == null ? "udp" : registrar.getTransportParam();
            SipURI aor = msg.addresses.createSipURI(s.user(), registrar.getHost());
            var address = msg.addresses.createAddress(aor);
            Request r = msg.messages.createRequest(registrar, Request.REGISTER, callId,
                    msg.headers.createCSeqHeader(cseq++, Request.REGISTER),
                    msg.headers.createFromHeader(address, SipMessages.newTag()), msg.headers.createToHeader(address, null),
                    List.of(msg.headers.createViaHeader(s.host(), ua.port(), transport, null)), msg.headers.createMaxForwardsHeader(70));
            r.addHeader(msg.contact(transport));
            r.addHeader(msg.headers.createExpiresHeader((int) expires));
            r.addHeader(msg.header("User-Agent", s.userAgent()));
            ua.provider().getNewClientTransaction(r).sendRequest();
        } catch (Exception e) {
            failed(e.toString());
        }
    }

    void response(ResponseEvent evt) throws Exception {
        Response r = evt.getResponse();
        int status = r.getStatusCode();
        if (status == 401 || status == 407) {
            ClientTransaction retry = auth.handleChallenge(r, evt.getClientTransaction(), ua.provider(), 5);
            cseq++;
            retry.sendRequest();
            return;
        }
        if (status >= 200 && status < 300) {
            if (stopped) {
                registered = false;
                return;
            }
            ExpiresHeader e = (ExpiresHeader) r.getHeader(ExpiresHeader.NAME);
            long granted = e != null ? e.getExpires() : contactExpires(r);
            if (!registered) log.info("registered as {} at {} for {} s", ua.settings().user(), ua.settings().registrar(), granted);
            registered = true;
            schedule(Math.max(15, granted / 2));
        } else if (status >= 300) {
            failed(status + " " + r.getReasonPhrase());
        }
    }

    private long contactExpires(Response r) {
        var c = (javax.sip.header.ContactHeader) r.getHeader(javax.sip.header.ContactHeader.NAME);
        return c != null && c.getExpires() > 0 ? c.getExpires() : ua.settings().registerExpires().toSeconds();
    }

    void failed(String why) {
        if (registered || next == null) log.warn("registration at {} failed ({}); retrying in 30 s", ua.settings().registrar(), why);
        registered = false;
        if (!stopped) schedule(30);
    }

    private void schedule(long seconds) {
        next = ua.timers().schedule(() -> send(ua.settings().registerExpires().toSeconds()), seconds, TimeUnit.SECONDS);
    }
}
