package org.openhotline.desk.callback;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.store.PostgresTestSchema;

/** Call-back tasks on the real PostgreSQL (127.0.0.1:5432, database test), a fresh schema per test. */
class CallbacksPostgresIT extends CallbackContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("callbacks");

    @Override
    DataSource db() {
        return postgres.database().dataSource();
    }
}
