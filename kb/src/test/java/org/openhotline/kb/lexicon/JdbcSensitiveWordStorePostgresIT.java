package org.openhotline.kb.lexicon;

import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.PostgresTestSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The sensitive-word store on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a fresh schema of its
 * own so that Flyway migrates from nothing and runs never see each other's rows. Run by failsafe in verify.
 */
class JdbcSensitiveWordStorePostgresIT extends JdbcSensitiveWordStoreContract {
    private PostgresTestSchema schema;

    @BeforeEach
    void open() throws SQLException {
        schema = new PostgresTestSchema("sw");
    }

    @AfterEach
    void close() throws SQLException {
        if (schema != null) schema.close();
    }

    @Override
    Database database() {
        return schema.database();
    }
}
