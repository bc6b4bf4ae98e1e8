package org.openhotline.kb.lexicon;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.PostgresTestSchema;

/**
 * The dictionary store and its versions on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a
 * fresh schema of its own so that Flyway migrates from nothing. Run by failsafe in verify.
 */
class JdbcDictionaryStorePostgresIT extends JdbcDictionaryStoreContract {
    private PostgresTestSchema schema;

    @BeforeEach
    void open() throws SQLException {
        schema = new PostgresTestSchema("dict");
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
