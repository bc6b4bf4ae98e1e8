package org.openhotline.kb.store;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store on an in-memory H2 database, migrated by Flyway exactly as in production. */
class JdbcKnowledgeStoreTest extends JdbcKnowledgeStoreContract {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    Database database() {
        return db;
    }
}
