package org.openhotline.desk.report;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.openhotline.kb.store.Database;

/** The service-level report on the embedded H2 database. */
class ServiceLevelsTest extends ServiceLevelsContract {
    Database database;

    @AfterEach
    void close() {
        if (database != null) database.close();
    }

    /** Opened on first use: the contract's own set-up asks for it before this class's would run. */
    @Override
    DataSource db() {
        if (database == null) database = Database.open("jdbc:h2:mem:sla" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
        return database.dataSource();
    }
}
