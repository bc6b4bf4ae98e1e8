package org.openhotline.wechat.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.store.Database;

/** The V12 table on H2 through the real migrations: what is recorded comes back, newest first. */
class JdbcUndeliveredLogTest {
    final Database db = Database.open("jdbc:h2:mem:u" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void recordsComeBackNewestFirstWithTheirStatus() {
        JdbcUndeliveredLog log = new JdbcUndeliveredLog(db.dataSource());
        log.record(new Undelivered("o-a", "旧的答复", 45015, "outside the 48-hour window", false, Instant.parse("2026-03-01T00:00:00Z")));
        log.record(new Undelivered("o-b", "可能已送达", -99, "sent but no answer", true, Instant.parse("2026-03-02T00:00:00Z")));
        List<Undelivered> r = log.recent(10);
        assertEquals(2, r.size());
        assertEquals("o-b", r.get(0).openId());
        assertTrue(r.get(0).uncertain());
        assertEquals("旧的答复", r.get(1).text());
        assertEquals(45015, r.get(1).errorCode());
        assertFalse(r.get(1).uncertain());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), r.get(1).at());
        assertEquals(1, log.recent(1).size());
    }
}
