package org.openhotline.desk;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.store.PostgresTestSchema;

/** The desk on the real PostgreSQL (127.0.0.1:5432, database test), a fresh schema per test. */
class DeskPostgresIT extends DeskContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("desk");

    @Override
    DataSource db() {
        return postgres.database().dataSource();
    }
}
