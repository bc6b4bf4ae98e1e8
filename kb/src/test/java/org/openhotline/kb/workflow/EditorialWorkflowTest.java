package org.openhotline.kb.workflow;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.openhotline.kb.store.Database;

/** (Opened on first use: the contract's set-up runs before a subclass's.) The workflow on an in-memory H2 database, migrated by Flyway as in production. */
class EditorialWorkflowTest extends EditorialWorkflowContract {
    private Database db;

    @Override
    Database database() {
        if (db == null) db = Database.open("jdbc:h2:mem:w" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
        return db;
    }

    @AfterEach
    void close() {
        db.close();
    }
}
