package org.openhotline.telephony.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one REGISTER (RFC 3261 10.3): digest challenge and check, lock-out, then the bindings: add or refresh,
 * remove (Expires 0, Contact *), 423 below the minimum, a query without Contact; the 200 lists the user's bindings.
 */
final class RegisterHandler {
    private static final Logger log = LoggerFactory.getLogger(RegisterHandler.class);
    /** RFC 3261 10.2.1.1: what a registrar grants when the phone asks for nothing. */
    private static final int DEFAULT_EXPIRES = 3600;

    private final Registrar registrar;
    private final SipMessages msg;

    RegisterHandler(Registrar registrar, SipMessages msg) {
        this.registrar = registrar;
        this.msg = msg;
    }

    void handle(ServerTransaction st, Request req) throws Exception {
        Registrar.On on = registrar.on();
        if (on == null) {
            reply(st, req, 403, "Registrar Off");
            return;
        }
        String user = SipMessages.toUser(req);
        SIPMessage m = (SIPMessage) req;
        InetAddress from = m.getRemoteAddress();
        String source = from == null ? "?" : from.getHostAddress();
        String lockKey = user + "@" + source;
        if (on.lockout().locked(lockKey)) {
            reply(st, req, 403, "Locked Out");
            return;
        }
        AuthorizationHeader auth = (AuthorizationHeader) req.getHeader(AuthorizationHeader.NAME);
        String realm = on.settings().realm();
        if (auth == null || !realm.equals(auth.getRealm())) {
            challenge(st, req, on, false);
            return;
        }
        if (!user.equals(auth.getUsername())) { // another account's password does not register this one
            reply(st, req, 403, "Forbidden");
            return;
        }
        var ha1 = on.credentials().ha1(user, realm);
        DigestAuth.Outcome outcome = ha1.isEmpty() ? DigestAuth.Outcome.WRONG
                : on.digest().verify(auth, Request.REGISTER, ha1.get(), on.settings().nonceLifetime().toMillis());
        switch (outcome) {
            case MALFORMED -> reply(st, req, 400, "Bad Authorization");
            case STALE -> challenge(st, req, on, true);
            case WRONG -> {
                if (on.lockout().failed(lockKey))
                    log.warn("SIP phone registrations for {} from {} locked out for {} s after {} wrong passwords", Masked.number(user), source,
                            on.settings().lockout().toSeconds(), on.settings().maxFailures());
                reply(st, req, 403, "Forbidden");
            }
            case OK -> {
                on.lockout().succeeded(lockKey);
                bind(st, req, user, on.settings(), from, m.getRemotePort());
            }
        }
    }

    private void bind(ServerTransaction st, Request req, String user, RegistrarSettings s, InetAddress from, int fromPort) throws Exception {
        List<ContactHeader> contacts = new ArrayList<>();
        req.getHeaders(ContactHeader.NAME).forEachRemaining(h -> contacts.add((ContactHeader) h));
        ExpiresHeader expiresHeader = req.getExpires();
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0) {
                reply(st, req, 400, "Contact * Needs Expires 0");
                return;
            }
            registrar.removeAll(user, "unregistered");
            ok(st, req, user);
            return;
        }
        if (contacts.size() > Registrar.MAX_BINDINGS_PER_USER) {
            reply(st, req, 400, "Too Many Contacts");
            return;
        }
        int[] expires = new int[contacts.size()];
        for (int i = 0; i < contacts.size(); i++) {
            int e = contacts.get(i).getExpires() >= 0 ? contacts.get(i).getExpires()
                    : expiresHeader != null ? expiresHeader.getExpires() : DEFAULT_EXPIRES;
            if (e > 0 && e < s.minExpires().toSeconds()) {
                Response r = msg.response(423, req, SipMessages.newTag());
                r.addHeader(msg.headers.createMinExpiresHeader((int) s.minExpires().toSeconds()));
                st.sendResponse(r);
                return;
            }
            expires[i] = (int) Math.min(e, s.maxExpires().toSeconds());
        }
        String callId = SipUserAgent.callId(req);
        long cseq = ((CSeqHeader) req.getHeader(CSeqHeader.NAME)).getSeqNumber();
        for (ContactHeader c : contacts) {
            if (!(c.getAddress().getURI() instanceof SipURI)) {
                reply(st, req, 400, "Contact Must Be A SIP URI");
                return;
            }
            Binding old = registrar.get(user, key(c));
            if (old != null && old.callId().equals(callId) && old.cseq() >= cseq) {
                reply(st, req, 500, "Out Of Order"); // RFC 3261 10.3 step 7: an older request must not undo a newer one
                return;
            }
        }
        String transport = ((ViaHeader) req.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(java.util.Locale.ROOT);
        String userAgent = SipMessages.value(req, "User-Agent");
        Instant now = registrar.clock().instant();
        for (int i = 0; i < contacts.size(); i++) {
            String contact = key(contacts.get(i));
            if (expires[i] == 0) {
                registrar.remove(user, contact, "unregistered");
                continue;
            }
            SipURI uri = (SipURI) contacts.get(i).getAddress().getURI().clone();
            String received = natted(uri, transport, from, fromPort) ? from.getHostAddress() + ":" + fromPort : null;
            if (received != null) {
                uri.setHost(from.getHostAddress());
                uri.setPort(fromPort);
            }
            if ("tcp".equals(transport)) uri.setTransportParam("tcp");
            else uri.removeParameter("transport");
            registrar.put(new Binding(user, uri.toString(), contact, transport, received, now.plusSeconds(expires[i]),
                    userAgent == null ? "" : userAgent, callId, cseq));
        }
        ok(st, req, user);
    }

    /**
     * Whether the phone wrote another address than it sent from (NAT). Over TCP only the host counts: a phone's
     * connection comes from a passing port while its Contact names its listening one.
     */
    static boolean natted(SipURI contact, String transport, InetAddress from, int fromPort) {
        if (from == null) return false;
        String host = contact.getHost();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        boolean sameHost = false;
        if (host.matches("[0-9.]+|.*:.*")) { // an IP literal, so no name lookup on the stack's thread; a name counts as NAT
            try {
                sameHost = InetAddress.getByName(host).equals(from);
            } catch (java.net.UnknownHostException e) {
                sameHost = false;
            }
        }
        if (!sameHost) return true;
        int port = contact.getPort() > 0 ? contact.getPort() : 5060;
        return !"tcp".equals(transport) && port != fromPort;
    }

    /** The 200 lists every current binding of the user with its remaining time. */
    private void ok(ServerTransaction st, Request req, String user) throws Exception {
        Response r = msg.response(200, req, SipMessages.newTag());
        Instant now = registrar.clock().instant();
        for (Binding b : registrar.current(user)) {
            ContactHeader c = msg.headers.createContactHeader(msg.addresses.createAddress(msg.addresses.createURI(b.contact())));
            c.setExpires((int) b.expiresIn(now));
            r.addHeader(c);
        }
        st.sendResponse(r);
    }

    private void challenge(ServerTransaction st, Request req, Registrar.On on, boolean stale) throws Exception {
        Response r = msg.response(401, req, SipMessages.newTag());
        WWWAuthenticateHeader w = msg.headers.createWWWAuthenticateHeader("Digest");
        w.setRealm(on.settings().realm());
        w.setNonce(on.digest().nonce());
        w.setAlgorithm("MD5");
        w.setQop("auth");
        if (stale) w.setParameter("stale", "true");
        r.addHeader(w);
        st.sendResponse(r);
    }

    private void reply(ServerTransaction st, Request req, int status, String reason) throws Exception {
        Response r = msg.response(status, req, SipMessages.newTag());
        r.setReasonPhrase(reason);
        st.sendResponse(r);
    }

    private static String key(ContactHeader c) {
        return c.getAddress().getURI().toString();
    }
}
