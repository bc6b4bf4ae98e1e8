package org.openhotline.bot.session;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openhotline.kb.store.Database;

/** The stores on the embedded default, H2 (in memory here, same migrations as the file database). */
class JdbcConversationStoresTest extends ConversationStoresContract {
    static Database database;

    @BeforeAll
    static void open() {
        database = Database.open("jdbc:h2:mem:stores-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", null, null, 4);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    DataSource db() {
        return database.dataSource();
    }
}
