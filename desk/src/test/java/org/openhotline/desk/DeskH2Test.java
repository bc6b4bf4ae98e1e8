package org.openhotline.desk;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;

/** The desk on the embedded H2 database. */
class DeskH2Test extends DeskContract {
    Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:desk" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    DataSource db() {
        return database.dataSource();
    }
}
