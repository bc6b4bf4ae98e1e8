package org.openhotline.telephony.sip;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.SipFactory;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import org.junit.jupiter.api.Test;

/** Digest answers computed as a phone does (RFC 2617), checked against our nonces on a movable clock; and the lock-out. */
class DigestAuthTest {
    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId z) { return this; }
        public Instant instant() { return Instant.ofEpochMilli(now.get()); }
    };
    private final DigestAuth digest = new DigestAuth(clock);
    private final String ha1 = DigestAuth.ha1("agent1", "openhotline", "pw-12345678");

    private AuthorizationHeader answer(String nonce, String password, boolean qop) throws Exception {
        return answer(nonce, password, qop, 1);
    }

    private AuthorizationHeader answer(String nonce, String password, boolean qop, int nc) throws Exception {
        HeaderFactory f = SipFactory.getInstance().createHeaderFactory();
        AuthorizationHeader h = f.createAuthorizationHeader("Digest");
        h.setUsername("agent1");
        h.setRealm("openhotline");
        h.setNonce(nonce);
        h.setURI(SipFactory.getInstance().createAddressFactory().createURI("sip:127.0.0.1:5060"));
        String ha2 = DigestAuth.md5("REGISTER:sip:127.0.0.1:5060");
        String a1 = DigestAuth.ha1("agent1", "openhotline", password);
        if (qop) {
            h.setQop("auth");
            h.setNonceCount(nc);
            h.setCNonce("abc");
            h.setResponse(DigestAuth.md5(a1 + ":" + nonce + ":" + String.format("%08x", nc) + ":abc:auth:" + ha2));
        } else {
            h.setResponse(DigestAuth.md5(a1 + ":" + nonce + ":" + ha2));
        }
        return h;
    }

    @Test
    void theRightPasswordPassesWithAndWithoutQop() throws Exception {
        String nonce = digest.nonce();
        assertEquals(DigestAuth.Outcome.OK, digest.verify(answer(nonce, "pw-12345678", true), "REGISTER", ha1, 60_000));
        assertEquals(DigestAuth.Outcome.OK, digest.verify(answer(digest.nonce(), "pw-12345678", false), "REGISTER", ha1, 60_000));
        assertEquals(DigestAuth.Outcome.WRONG, digest.verify(answer(nonce, "pw-wrong", true), "REGISTER", ha1, 60_000));
    }

    @Test
    void anOldNonceIsStaleAndOneWeNeverIssuedIsWrong() throws Exception {
        String nonce = digest.nonce();
        now.addAndGet(61_000);
        assertEquals(DigestAuth.Outcome.STALE, digest.verify(answer(nonce, "pw-12345678", true), "REGISTER", ha1, 60_000));
        assertEquals(DigestAuth.Outcome.WRONG, digest.verify(answer(nonce, "pw-wrong", true), "REGISTER", ha1, 60_000),
                "a wrong password is never excused as stale");
        String forged = new DigestAuth(clock).nonce(); // another key: as if an attacker made one up
        assertEquals(DigestAuth.Outcome.WRONG, digest.verify(answer(forged, "pw-12345678", true), "REGISTER", ha1, 60_000));
        assertEquals(DigestAuth.Outcome.WRONG, digest.verify(answer("not-base64!", "pw-12345678", true), "REGISTER", ha1, 60_000));
    }

    /** A captured Authorization header must not register anyone again: each nonce count is used once, in order. */
    @Test
    void aReplayedAnswerIsChallengedAgainNotAccepted() throws Exception {
        String nonce = digest.nonce();
        assertEquals(DigestAuth.Outcome.OK, digest.verify(answer(nonce, "pw-12345678", true, 1), "REGISTER", ha1, 60_000));
        assertEquals(DigestAuth.Outcome.STALE, digest.verify(answer(nonce, "pw-12345678", true, 1), "REGISTER", ha1, 60_000),
                "the same nc on the same nonce is a replay");
        assertEquals(DigestAuth.Outcome.OK, digest.verify(answer(nonce, "pw-12345678", true, 2), "REGISTER", ha1, 60_000),
                "the phone's next count on its nonce passes");
        assertEquals(DigestAuth.Outcome.STALE, digest.verify(answer(nonce, "pw-12345678", true, 2), "REGISTER", ha1, 60_000));
        String plain = digest.nonce();
        assertEquals(DigestAuth.Outcome.OK, digest.verify(answer(plain, "pw-12345678", false), "REGISTER", ha1, 60_000));
        assertEquals(DigestAuth.Outcome.STALE, digest.verify(answer(plain, "pw-12345678", false), "REGISTER", ha1, 60_000),
                "without qop a nonce answers once");
    }

    /** Flooding the table with failures for made-up users must not forget a lock (it once cleared every entry when full). */
    @Test
    void aFloodOfOtherFailuresDoesNotLiftALock() {
        FailureLockout lockout = new FailureLockout(clock, 3, 60_000);
        for (int i = 0; i < 3; i++) lockout.failed("agent1@10.0.0.9");
        assertTrue(lockout.locked("agent1@10.0.0.9"));
        for (int i = 0; i < 20_000; i++) lockout.failed("nobody" + i + "@10.0.0.9");
        assertTrue(lockout.locked("agent1@10.0.0.9"), "still locked after 20,000 other failures");
        assertTrue(lockout.size() <= FailureLockout.MAX_TRACKED, "and the table stays bounded: " + lockout.size());
    }

    @Test
    void repeatedFailuresLockAUserAndAddressOutForAWhile() {
        FailureLockout lockout = new FailureLockout(clock, 3, 60_000);
        assertFalse(lockout.failed("agent1@10.0.0.9"));
        assertFalse(lockout.failed("agent1@10.0.0.9"));
        assertTrue(lockout.failed("agent1@10.0.0.9"), "the third failure locks, and says so once");
        assertFalse(lockout.failed("agent1@10.0.0.9"));
        assertTrue(lockout.locked("agent1@10.0.0.9"));
        assertFalse(lockout.locked("agent1@10.0.0.10"), "another address is not locked");
        now.addAndGet(60_001);
        assertFalse(lockout.locked("agent1@10.0.0.9"));
        assertFalse(lockout.failed("agent1@10.0.0.9"), "counting starts again after a lock-out");
        lockout.succeeded("agent1@10.0.0.9");
        assertFalse(lockout.failed("agent1@10.0.0.9"));
    }
}
