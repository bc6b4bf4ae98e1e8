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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;

/**
 * Server side of SIP digest authentication (RFC 2617 / 3261 22.4, MD5, qop=auth or none). JAIN-SIP's
 * DigestServerAuthenticationHelper was not used: it reads only Proxy-Authorization, ignores qop/nc, accepts any nonce
 * the client sends (no expiry, no proof we issued it) and compares responses in variable time. Nonces here are stateless: a timestamp and an HMAC of it under a key
 * made at start, so any nonce we did not issue is refused and an old one is reported {@link Outcome#STALE}. The highest
 * nonce count accepted per nonce is remembered for the nonce's lifetime, so a captured answer (same nc, or any answer
 * without qop a second time) cannot be replayed: it gets a fresh challenge (stale), which a real phone answers.
 */
final class DigestAuth {
    enum Outcome { OK, STALE, WRONG, MALFORMED }

    private static final HexFormat HEX = HexFormat.of();
    /** Nonces answered right, at most this many remembered (only right answers add one, so only phones fill it). */
    static final int MAX_NONCES = 50_000;

    private final byte[] key = new byte[32];
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> counts = new ConcurrentHashMap<>(); // nonce -> highest nc accepted (0 without qop)

    DigestAuth(Clock clock) {
        this.clock = clock;
        random.nextBytes(key);
    }

    /**
     * A fresh nonce: base64url(8-byte millis + 8 random bytes + 16 bytes of HMAC-SHA256 over both). The random part
     * makes two challenges in one millisecond differ, so each phone's nonce counts are its own.
     */
    String nonce() {
        ByteBuffer b = ByteBuffer.allocate(32);
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        b.putLong(clock.millis()).put(salt);
        b.put(mac(Arrays.copyOf(b.array(), 16)));
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
        long count = 0;
        if (qop == null) {
            expected = md5(ha1 + ":" + nonce + ":" + ha2);
        } else {
            String nc = h.getParameter("nc"), cnonce = h.getCNonce();
            if (!"auth".equalsIgnoreCase(unquote(qop)) || nc == null || cnonce == null) return Outcome.MALFORMED;
            nc = unquote(nc);
            if (!nc.matches("[0-9a-fA-F]{8}")) return Outcome.MALFORMED; // RFC 2617 3.2.2: 8 hex digits
            count = Long.parseLong(nc, 16);
            expected = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        }
        boolean right = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!right) return Outcome.WRONG;
        // only a right answer can be stale: a wrong password on an old nonce is still a wrong password
        long now = clock.millis();
        if (now - issued > nonceLifetimeMillis) return Outcome.STALE;
        return firstUse(unquote(nonce), count, now - nonceLifetimeMillis) ? Outcome.OK : Outcome.STALE;
    }

    /** Records {@code count} for the nonce; false when it is not above the highest accepted so far (a replay). */
    private boolean firstUse(String nonce, long count, long expiredBefore) {
        if (counts.size() >= MAX_NONCES) {
            counts.keySet().removeIf(n -> {
                Long at = issued(n);
                return at == null || at < expiredBefore;
            });
            if (counts.size() >= MAX_NONCES) counts.clear(); // only within one nonce lifetime of 50,000 registrations
        }
        boolean[] fresh = {false};
        counts.compute(nonce, (n, before) -> {
            if (before != null && count <= before) return before;
            fresh[0] = true;
            return count;
        });
        return fresh[0];
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
        if (raw.length != 32) return null;
        long at = ByteBuffer.wrap(raw).getLong();
        return MessageDigest.isEqual(mac(Arrays.copyOf(raw, 16)), Arrays.copyOfRange(raw, 16, 32)) ? at : null;
    }

    private byte[] mac(byte[] stamp) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(m.doFinal(stamp), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
