package org.openhotline.telephony.sip;

import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REFER inside a call (RFC 3515): a phone's transfer key. Blind transfers are answered 202 with a first NOTIFY
 * "100 Trying" and handed to the call's {@link SipCall#onRefer handler}; attended ones (Refer-To with Replaces) get
 * 501; a call without a handler (a citizen's call) 603; a REFER outside a call 481.
 */
final class Transfers {
    private static final Logger log = LoggerFactory.getLogger(Transfers.class);

    private final SipUserAgent ua;
    private final SipMessages msg;

    Transfers(SipUserAgent ua) {
        this.ua = ua;
        this.msg = ua.messages();
    }

    void refer(ServerTransaction st, Request req) throws Exception {
        SipCall call = ua.calls().get(SipUserAgent.callId(req));
        if (call == null || call.isEnded() || !call.answered()) {
            st.sendResponse(msg.response(481, req, null));
            return;
        }
        javax.sip.header.Header h = req.getHeader("Refer-To");
        if (!(h instanceof javax.sip.header.ReferToHeader referTo) || !(referTo.getAddress().getURI() instanceof SipURI target)) {
            st.sendResponse(msg.response(400, req, null));
            return;
        }
        if (target.getHeader("Replaces") != null || String.valueOf(target).toLowerCase().contains("replaces=")) {
            log.info("{}: attended transfer from the phone (REFER with Replaces) is not supported: refused 501", call);
            st.sendResponse(msg.response(501, req, null));
            return;
        }
        var handler = call.referHandler();
        if (handler == null) {
            st.sendResponse(msg.response(603, req, null));
            return;
        }
        st.sendResponse(msg.response(202, req, null));
        Refer refer = new Refer(ua, call, call.dialog, uriOf(referTo.getAddress()), target.getUser() == null ? "" : target.getUser());
        refer.progress(100, "Trying");
        log.info("{}: the phone asks to transfer the call to {}", call, Masked.number(refer.targetUser()));
        handler.accept(refer);
    }

    private static String uriOf(Address a) {
        return a.getURI().toString();
    }
}
