package org.openhotline.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Builds and reads the SIP messages the user agent sends, so the call logic reads as call logic. */
final class SipMessages {
    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER";

    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    private final String host;
    private final int port;
    private final String user;
    private final String userAgent;

    SipMessages(AddressFactory a, HeaderFactory h, MessageFactory m, String host, int port, String user, String userAgent) {
        this.addresses = a;
        this.headers = h;
        this.messages = m;
        this.host = host;
        this.port = port;
        this.user = user;
        this.userAgent = userAgent;
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    ContactHeader contact(String transport) throws ParseException {
        SipURI uri = addresses.createSipURI(user, host);
        uri.setPort(port);
        if ("tcp".equalsIgnoreCase(transport)) uri.setTransportParam("tcp");
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    Response response(int status, Request request, String toTag) throws ParseException {
        Response r = messages.createResponse(status, request);
        if (toTag != null && status > 100) {
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null) to.setTag(toTag);
        }
        r.addHeader(headers.createHeader("Server", userAgent));
        String method = request.getMethod();
        if (status == 405 || (status == 200 && (Request.OPTIONS.equals(method) || Request.INVITE.equals(method))))
            allow(r);
        return r;
    }

    /** The methods we accept, one Allow header each (the stack refuses one header listing them all). */
    void allow(Message m) throws ParseException {
        for (String method : ALLOW.split(", ")) m.addHeader(headers.createAllowHeader(method));
    }

    void sdp(Message m, String body) throws ParseException {
        m.setContent(body.getBytes(StandardCharsets.US_ASCII), headers.createContentTypeHeader("application", "sdp"));
    }

    Header header(String name, String value) throws ParseException {
        return headers.createHeader(name, value);
    }

    static String body(Message m) {
        byte[] raw = m.getRawContent();
        return raw == null ? null : new String(raw, StandardCharsets.ISO_8859_1);
    }

    /** The value of a header as written (parameters included), or null. */
    static String value(Message m, String name) {
        Header h = m.getHeader(name);
        if (h == null) return null;
        String s = h.toString();
        int colon = s.indexOf(':');
        return colon < 0 ? null : s.substring(colon + 1).trim();
    }

    /** Whether a comma-separated option header (Supported, Require) lists the option. */
    static boolean lists(Message m, String header, String option) {
        var it = m.getHeaders(header);
        while (it.hasNext()) {
            String v = it.next().toString();
            v = v.substring(v.indexOf(':') + 1);
            for (String o : v.split(",")) if (o.trim().equalsIgnoreCase(option)) return true;
        }
        return false;
    }

    static String userPart(javax.sip.address.Address a) {
        if (a.getURI() instanceof SipURI s && s.getUser() != null) return s.getUser();
        return a.getURI().toString();
    }

    static String fromUser(Message m) {
        return userPart(((FromHeader) m.getHeader(FromHeader.NAME)).getAddress());
    }

    static String toUser(Message m) {
        return userPart(((ToHeader) m.getHeader(ToHeader.NAME)).getAddress());
    }

    static List<String> transports(SipSettings s) {
        return s.udp() && s.tcp() ? List.of("udp", "tcp") : List.of(s.udp() ? "udp" : "tcp");
    }
}
