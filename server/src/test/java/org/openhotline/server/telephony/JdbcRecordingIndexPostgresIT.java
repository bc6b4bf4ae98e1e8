package org.openhotline.server.telephony;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;

/**
 * The recording index on PostgreSQL (127.0.0.1:5432, database test, trust auth), in a fresh schema migrated by Flyway
 * from nothing (V15 included). Run by failsafe in verify.
 */
class JdbcRecordingIndexPostgresIT extends RecordingIndexContract {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private final String schema = "rec_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private String user;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        for (String candidate : new String[] {"postgres", "root"}) { // trust auth: whichever role exists here
            try (Connection c = DriverManager.getConnection(URL, candidate, null); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                user = candidate;
                break;
            } catch (SQLException tryTheNext) {
                // the next role
            }
        }
        db = Database.open(URL + "?currentSchema=" + schema, user, null, 2);
    }

    @Override
    JdbcRecordingIndex index() {
        return new JdbcRecordingIndex(db.dataSource());
    }

    @AfterEach
    void drop() throws SQLException {
        db.close();
        try (Connection c = DriverManager.getConnection(URL, user, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
