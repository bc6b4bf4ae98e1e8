package org.openhotline.kb.workflow;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.PostgresTestSchema;

/** The workflow on PostgreSQL (127.0.0.1:5432, database test), each test in a fresh schema. Run by failsafe in verify. */
class EditorialWorkflowPostgresIT extends EditorialWorkflowContract {
    private PostgresTestSchema schema;


    @AfterEach
    void close() throws SQLException {
        if (schema != null) schema.close();
    }

    /** Opened on first use: the contract's set-up runs before a subclass's. */
    @Override
    Database database() {
        try {
            if (schema == null) schema = new PostgresTestSchema("wf");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return schema.database();
    }
}
