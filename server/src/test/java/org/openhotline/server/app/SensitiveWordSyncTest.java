package org.openhotline.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.lexicon.JdbcSensitiveWordStore;
import org.openhotline.kb.store.Database;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.LexiconEntry;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.nlu.sensitive.SensitivePolicy;

/** Two nodes on one database: a word added on one reaches the other's filter at its next poll. */
class SensitiveWordSyncTest {
    @Test
    void anEditOnOneNodeReachesTheOtherAtItsNextPoll() {
        try (Database db = Database.open("jdbc:h2:mem:w" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4)) {
            JdbcSensitiveWordStore nodeA = new JdbcSensitiveWordStore(db.dataSource());
            JdbcSensitiveWordStore nodeB = new JdbcSensitiveWordStore(db.dataSource());
            long rev = nodeB.revision();
            SensitiveFilter filterB = new SensitiveFilter(nodeB.load(), SensitivePolicy.defaults());
            try (SensitiveWordSync syncB = new SensitiveWordSync(nodeB, filterB, rev)) {
                nodeA.add(new LexiconEntry("青鸾测试词", Category.ABUSE));
                assertTrue(filterB.check("你个青鸾测试词", Direction.INBOUND).clean(), "not before the poll");
                syncB.poll();
                assertEquals(1, filterB.check("你个青鸾测试词", Direction.INBOUND).count(Category.ABUSE));
            }
        }
    }
}
