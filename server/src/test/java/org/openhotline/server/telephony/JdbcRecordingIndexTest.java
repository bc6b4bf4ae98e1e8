package org.openhotline.server.telephony;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.openhotline.kb.store.Database;

/** The recording index on embedded H2 (the default database), migrated by Flyway from nothing. */
class JdbcRecordingIndexTest extends RecordingIndexContract {
    private final Database db = Database.open("jdbc:h2:mem:rec" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", null, null, 2);

    @Override
    JdbcRecordingIndex index() {
        return new JdbcRecordingIndex(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }
}
