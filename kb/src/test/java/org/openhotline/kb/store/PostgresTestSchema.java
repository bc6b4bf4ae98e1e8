package org.openhotline.kb.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh schema on the real PostgreSQL (127.0.0.1:5432, database test, trust auth) with the project's
 * migrations applied, so that an integration test starts from nothing and never sees another run's rows.
 * Closing it drops the schema. {@link #perTest} gives each test method its own.
 */
public final class PostgresTestSchema implements AutoCloseable {
    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;
    private final String user;
    private final Database database;

    public PostgresTestSchema(String prefix) throws SQLException {
        schema = prefix + "_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String connected = null;
        SQLException failure = null;
        for (String candidate : new String[] {"postgres", "root"}) { // trust auth: whichever role exists here
            try (Connection c = DriverManager.getConnection(URL, candidate, null); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                connected = candidate;
                break;
            } catch (SQLException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        if (connected == null) throw failure;
        user = connected;
        database = Database.open(URL + "?currentSchema=" + schema, user, null, 4);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() throws SQLException {
        database.close();
        try (Connection c = DriverManager.getConnection(URL, user, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** A fresh schema for each test method, created before it and dropped after it; register with {@code @RegisterExtension}. */
    public static PerTest perTest(String prefix) {
        return new PerTest(prefix);
    }

    /** The per-test lifecycle of a {@link PostgresTestSchema}, so integration tests do not each write it out. */
    public static final class PerTest implements BeforeEachCallback, AfterEachCallback {
        private final String prefix;
        private PostgresTestSchema schema;

        private PerTest(String prefix) {
            this.prefix = prefix;
        }

        /** The current test's migrated database. */
        public Database database() {
            return schema.database();
        }

        @Override
        public void beforeEach(ExtensionContext context) throws SQLException {
            schema = new PostgresTestSchema(prefix);
        }

        @Override
        public void afterEach(ExtensionContext context) throws SQLException {
            if (schema == null) return;
            try {
                schema.close();
            } finally {
                schema = null;
            }
        }
    }
}
