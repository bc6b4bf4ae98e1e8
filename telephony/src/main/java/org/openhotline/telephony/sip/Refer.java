package org.openhotline.telephony.sip;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blind transfer asked by the phone on a call (RFC 3515 REFER, the phone's transfer key), already answered 202:
 * whoever handles it reports how it went with {@link #progress}, which the phone learns as NOTIFYs of
 * message/sipfrag ("SIP/2.0 100 Trying" was sent on arrival; a final status ends the implicit subscription).
 */
public final class Refer {
    private static final Logger log = LoggerFactory.getLogger(Refer.class);

    private final SipUserAgent ua;
    private final SipCall call;
    private final Dialog dialog;
    private final String targetUri;
    private final String targetUser;
    private boolean done;

    Refer(SipUserAgent ua, SipCall call, Dialog dialog, String targetUri, String targetUser) {
        this.ua = ua;
        this.call = call;
        this.dialog = dialog;
        this.targetUri = targetUri;
        this.targetUser = targetUser;
    }

    /** The call the REFER came in on (the agent's leg). */
    public SipCall call() { return call; }

    /** Refer-To as sent, e.g. {@code sip:agent2@10.0.0.5}. */
    public String targetUri() { return targetUri; }

    /** The user part of Refer-To (an agent's user name when the agent transfers to a colleague). */
    public String targetUser() { return targetUser; }

    /**
     * Tells the phone how the transfer goes: 1xx keeps the subscription active, 2xx–6xx ends it; after a final
     * status further calls do nothing. A NOTIFY the dialog cannot carry any more (the call ended) is logged and dropped.
     */
    public synchronized void progress(int status, String reason) {
        if (done) return;
        boolean last = status >= 200;
        done = last;
        try {
            Request notify = dialog.createRequest(Request.NOTIFY);
            SipMessages msg = ua.messages();
            notify.addHeader(msg.headers.createEventHeader("refer"));
            var state = msg.headers.createSubscriptionStateHeader(last ? "terminated" : "active");
            if (last) state.setReasonCode("noresource");
            else state.setExpires(60);
            notify.addHeader(state);
            notify.addHeader(msg.contact("udp"));
            ContentTypeHeader type = msg.headers.createContentTypeHeader("message", "sipfrag");
            type.setParameter("version", "2.0");
            notify.setContent("SIP/2.0 " + status + " " + reason, type);
            ClientTransaction ct = ua.provider().getNewClientTransaction(notify);
            dialog.sendRequest(ct);
        } catch (Exception e) {
            log.info("{}: transfer NOTIFY {} not sent: {}", call, status, e.toString());
        }
    }
}
