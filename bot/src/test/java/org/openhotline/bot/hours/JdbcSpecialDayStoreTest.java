package org.openhotline.bot.hours;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;

/** The JDBC special-day store on an in-memory H2 database, migrated by Flyway as in production. */
class JdbcSpecialDayStoreTest extends SpecialDayStoreContract {
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:h" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    SpecialDayStore store() {
        return new JdbcSpecialDayStore(db.dataSource());
    }
}
