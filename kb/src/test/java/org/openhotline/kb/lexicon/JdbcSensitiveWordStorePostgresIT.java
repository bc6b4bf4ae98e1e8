package org.openhotline.kb.lexicon;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;

/**
 * The sensitive-word store on PostgreSQL (127.0.0.1:5432, database test, trust auth), each test in a fresh schema of its
 * own so that Flyway migrates from nothing and runs never see each other's rows. Run by failsafe in verify.
 */
class JdbcSensitiveWordStorePostgresIT extends JdbcSensitiveWordStoreContract {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private String user;
    private String schema;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        schema = "sw_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        user = null;
        SQLException failure = null;
        for (String candidate : new String[] {"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(URL, candidate, null); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                user = candidate;
                break;
            } catch (SQLException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (user == null) throw failure;
        db = Database.open(URL + "?currentSchema=" + schema, user, null, 4);
    }

    @AfterEach
    void close() throws SQLException {
        if (db != null) db.close();
        if (user != null) {
            try (Connection c = DriverManager.getConnection(URL, user, null); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Override
    Database database() {
        return db;
    }
}
