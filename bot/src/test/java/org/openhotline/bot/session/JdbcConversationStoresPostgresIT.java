package org.openhotline.bot.session;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openhotline.kb.store.PostgresTestSchema;

/** The stores on the real PostgreSQL of the scale-out configuration, in a throwaway schema. */
class JdbcConversationStoresPostgresIT extends ConversationStoresContract {
    static PostgresTestSchema schema;

    @BeforeAll
    static void open() throws Exception {
        schema = new PostgresTestSchema("bot");
    }

    @AfterAll
    static void close() throws Exception {
        schema.close();
    }

    @Override
    DataSource db() {
        return schema.database().dataSource();
    }
}
