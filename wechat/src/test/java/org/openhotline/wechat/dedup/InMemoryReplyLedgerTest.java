package org.openhotline.wechat.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryReplyLedgerTest {
    final AtomicLong now = new AtomicLong(1_000_000);
    final InMemoryReplyLedger ledger = new InMemoryReplyLedger(Duration.ofSeconds(10), now::get);

    @Test
    void theFirstArrivalClaimsAndLaterOnesSeeItsOutcome() {
        assertTrue(ledger.claim("k"));
        assertFalse(ledger.claim("k"));
        assertEquals(Optional.empty(), ledger.await("k", Duration.ofMillis(20)), "not known yet");
        ledger.complete("k", Outcome.passive("答"));
        assertEquals(Optional.of(Outcome.passive("答")), ledger.await("k", Duration.ofMillis(20)));
    }

    @Test
    void keysExpireAfterTheTtlAndAreSwept() {
        for (int i = 0; i < 300; i++) ledger.claim("old-" + i);
        now.addAndGet(11_000);
        assertTrue(ledger.claim("old-1"), "expired keys can be claimed again");
        for (int i = 0; i < 300; i++) ledger.claim("new-" + i);
        assertTrue(ledger.size() < 500, "swept: " + ledger.size());
    }

    @Test
    void outcomesSurviveTheirRedisEncoding() {
        assertEquals(Outcome.passive("第一行\nL开头"), Outcome.decode(Outcome.passive("第一行\nL开头").encode()));
        assertTrue(Outcome.decode(Outcome.LATER.encode()).later());
    }
}
