package org.openhotline.kb.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openhotline.kb.store.StoreException;

/** The few JDBC moves the workflow's stores share, so each store reads as its SQL. */
final class Sql {
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource ds;

    Sql(DataSource ds) {
        this.ds = ds;
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading the editors' workflow failed: " + e.getMessage(), e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("writing the editors' workflow failed: " + e.getMessage(), e);
        }
    }

    long insert(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("writing the editors' workflow failed: " + e.getMessage(), e);
        }
    }

    interface Work<T> {
        T run(DataSource inTransaction);
    }

    /**
     * Runs {@code work} in one transaction: every store made over the data source it is handed writes through the
     * same connection, committed together or (on any exception) not at all.
     */
    static <T> T transaction(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = work.run(single(c));
                c.commit();
                return out;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreException("writing the editors' workflow failed: " + e.getMessage(), e);
        }
    }

    /** A data source whose every connection is {@code c}, which its users' close() leaves open. */
    private static DataSource single(Connection c) {
        Connection shared = (Connection) java.lang.reflect.Proxy.newProxyInstance(Sql.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("close")) return null;
                    try {
                        return m.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(Sql.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("getConnection")) return shared;
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) ps.setTimestamp(i + 1, Timestamp.from(t));
            else if (p == null) ps.setObject(i + 1, null); // untyped: PostgreSQL infers the column's type
            else ps.setObject(i + 1, p);
        }
    }

    /** Databases keep microseconds: what is written must equal what is read back. */
    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
