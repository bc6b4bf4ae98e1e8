package org.openhotline.desk.report;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.store.PostgresTestSchema;

/** The service-level report on the real PostgreSQL (127.0.0.1:5432, database test), a fresh schema per test. */
class ServiceLevelsPostgresIT extends ServiceLevelsContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("sla");

    @Override
    DataSource db() {
        return postgres.database().dataSource();
    }
}
