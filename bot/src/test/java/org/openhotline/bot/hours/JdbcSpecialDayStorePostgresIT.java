package org.openhotline.bot.hours;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhotline.kb.store.Database;

/**
 * The JDBC special-day store on PostgreSQL (127.0.0.1:5432, database test, trust auth), in a fresh schema per test so
 * that Flyway migrates from nothing. Run by failsafe in verify.
 */
class JdbcSpecialDayStorePostgresIT extends SpecialDayStoreContract {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private String schema;
    private String user;
    private Database db;

    @BeforeEach
    void open() throws SQLException {
        schema = "hours_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        SQLException failure = null;
        for (String candidate : new String[] {"postgres", "root"}) { // trust auth: whichever role exists here
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
        db = Database.open(URL + "?currentSchema=" + schema, user, null, 2);
    }

    @AfterEach
    void close() throws SQLException {
        if (db != null) db.close();
        if (user == null) return;
        try (Connection c = DriverManager.getConnection(URL, user, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    SpecialDayStore store() {
        return new JdbcSpecialDayStore(db.dataSource());
    }
}
