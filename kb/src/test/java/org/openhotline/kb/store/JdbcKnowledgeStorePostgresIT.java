package org.openhotline.kb.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a fresh schema of its
 * own so that Flyway migrates from nothing and runs never see each other's rows. Run by failsafe in verify.
 */
class JdbcKnowledgeStorePostgresIT extends JdbcKnowledgeStoreContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("kb");

    @Override
    Database database() {
        return postgres.database();
    }
}
