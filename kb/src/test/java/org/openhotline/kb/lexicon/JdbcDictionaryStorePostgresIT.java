package org.openhotline.kb.lexicon;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.PostgresTestSchema;

/**
 * The dictionary store and its versions on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a
 * fresh schema of its own so that Flyway migrates from nothing. Run by failsafe in verify.
 */
class JdbcDictionaryStorePostgresIT extends JdbcDictionaryStoreContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("dict");

    @Override
    Database database() {
        return postgres.database();
    }
}
