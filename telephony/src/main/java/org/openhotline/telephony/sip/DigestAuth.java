package org.openhotline.telephony.sip;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;

/**
 * Server side of SIP digest authentication (RFC 2617 / 3261 22.4, MD5, qop=auth or none). JAIN-SIP's
 * DigestServerAuthenticationHelper was not used: it reads only Proxy-Authorization, ignores qop/nc, accepts any nonce
 * the client sends (no expiry, no proof we issued it) and compares responses in variable time. Nonces here are stateless: a timestamp and an HMAC of it under a key
 * made at start, so any nonce we did not issue is refused and an old one is reported {@link Outcome#STALE}.
 */
final class DigestAuth {
    enum Outcome { OK, STALE, WRONG, MALFORMED }

    private static final HexFormat HEX = HexFormat.of();
    private final byte[] key = new byte[32];
    private final Clock clock;

    DigestAuth(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** A fresh nonce: base64url(8-byte millis + 16 bytes of HMAC-SHA256). */
    String nonce() {
        ByteBuffer b = ByteBuffer.allocate(24);
        long now = clock.millis();
        b.putLong(now).put(mac(now));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Checks the answer to our challenge for {@code method}; {@code ha1} is the stored md5(user:realm:password). */
    Outcome verify(AuthorizationHeader h, String method, String ha1, long nonceLifetimeMillis) {
        String nonce = h.getNonce(), response = h.getResponse(), uri = h.getParameter("uri");
        if (uri == null && h.getURI() != null) uri = h.getURI().toString();
        if (nonce == null || response == null || uri == null) return Outcome.MALFORMED;
        if (h.getAlgorithm() != null && !"MD5".equalsIgnoreCase(h.getAlgorithm())) return Outcome.MALFORMED;
        Long issued = issued(nonce);
        if (issued == null) return Outcome.WRONG;
        String ha2 = md5(method + ":" + unquote(uri));
        String qop = h.getQop();
        String expected;
        if (qop == null) {
            expected = md5(ha1 + ":" + nonce + ":" + ha2);
        } else {
            String nc = h.getParameter("nc"), cnonce = h.getCNonce();
            if (!"auth".equalsIgnoreCase(unquote(qop)) || nc == null || cnonce == null) return Outcome.MALFORMED;
            expected = md5(ha1 + ":" + nonce + ":" + unquote(nc) + ":" + cnonce + ":auth:" + ha2);
        }
        boolean right = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!right) return Outcome.WRONG;
        // only a right answer can be stale: a wrong password on an old nonce is still a wrong password
        return clock.millis() - issued > nonceLifetimeMillis ? Outcome.STALE : Outcome.OK;
    }

    /** md5(user:realm:password) as lower-case hex: the only thing ever stored of a SIP password. */
    static String ha1(String user, String realm, String password) {
        return md5(user + ":" + realm + ":" + password);
    }

    static String md5(String s) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When we issued the nonce, or null when we did not. */
    private Long issued(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(unquote(nonce));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (raw.length != 24) return null;
        long at = ByteBuffer.wrap(raw).getLong();
        return MessageDigest.isEqual(mac(at), Arrays.copyOfRange(raw, 8, 24)) ? at : null;
    }

    private byte[] mac(long at) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(m.doFinal(ByteBuffer.allocate(8).putLong(at).array()), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
