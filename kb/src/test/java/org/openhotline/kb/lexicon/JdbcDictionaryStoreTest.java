package org.openhotline.kb.lexicon;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;

/** The dictionary store on an in-memory H2 database, migrated by Flyway as in production. */
class JdbcDictionaryStoreTest extends JdbcDictionaryStoreContract {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:d" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
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
