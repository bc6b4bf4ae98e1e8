package org.openhotline.kb.lexicon;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.PostgresTestSchema;

/**
 * The sensitive-word store on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a fresh schema of its
 * own so that Flyway migrates from nothing and runs never see each other's rows. Run by failsafe in verify.
 */
class JdbcSensitiveWordStorePostgresIT extends JdbcSensitiveWordStoreContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("sw");

    @Override
    Database database() {
        return postgres.database();
    }
}
