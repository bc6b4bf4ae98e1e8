package org.openhotline.bot.hours;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.store.PostgresTestSchema;

/**
 * The JDBC special-day store on PostgreSQL (127.0.0.1:5432, database test, trust auth), in a fresh schema per test so
 * that Flyway migrates from nothing. Run by failsafe in verify.
 */
class JdbcSpecialDayStorePostgresIT extends SpecialDayStoreContract {
    @RegisterExtension
    final PostgresTestSchema.PerTest postgres = PostgresTestSchema.perTest("hours");

    @Override
    SpecialDayStore store() {
        return new JdbcSpecialDayStore(postgres.database().dataSource());
    }
}
