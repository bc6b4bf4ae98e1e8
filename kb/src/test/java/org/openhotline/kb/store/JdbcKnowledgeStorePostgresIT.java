package org.openhotline.kb.store;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a fresh schema of its
 * own so that Flyway migrates from nothing and runs never see each other's rows. Run by failsafe in verify.
 */
class JdbcKnowledgeStorePostgresIT extends JdbcKnowledgeStoreContract {
    private PostgresTestSchema schema;

    @BeforeEach
    void open() throws SQLException {
        schema = new PostgresTestSchema("kb");
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
