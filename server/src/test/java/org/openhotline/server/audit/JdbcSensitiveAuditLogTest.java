package org.openhotline.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.store.Database;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitiveResult;

/** The audit keeps lexicon words per hit and never lets a database fault reach the caller. */
class JdbcSensitiveAuditLogTest {
    static Database open() {
        return Database.open("jdbc:h2:mem:a" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);
    }

    @Test
    void oneRowPerHitWithTheLexiconWordNotTheText() {
        try (Database db = open()) {
            JdbcSensitiveAuditLog log = new JdbcSensitiveAuditLog(db.dataSource());
            SensitiveResult r = SensitiveFilter.bundled().check("法 * 轮 功和炸药，我叫张三", Direction.INBOUND);
            log.record("s-1", r);
            var rows = log.recent(10);
            assertEquals(r.hits().size(), rows.size());
            assertTrue(rows.stream().anyMatch(x -> x.word().equals("法轮功") && x.action().equals("block")), rows.toString());
            assertTrue(rows.stream().allMatch(x -> x.sessionId().equals("s-1") && !x.word().contains("张三")));
        }
    }

    @Test
    void aBrokenDatabaseIsLoggedNotThrown() {
        Database db = open();
        JdbcSensitiveAuditLog log = new JdbcSensitiveAuditLog(db.dataSource());
        db.close();
        SensitiveResult r = SensitiveFilter.bundled().check("法轮功", Direction.INBOUND);
        log.record("s-2", r);
        log.record("s-2", r);
    }
}
