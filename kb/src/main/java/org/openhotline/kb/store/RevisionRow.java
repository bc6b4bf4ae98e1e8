package org.openhotline.kb.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The one-row revision table ({@code revision_key = 1, rev}) beside an editable table: every change and its
 * revision bump commit together, so nodes that poll {@link #read()} reload exactly when the data moved.
 */
public final class RevisionRow {
    private final DataSource ds;
    private final String name;
    private final String select;
    private final String bump;

    /** {@code table} holds the row; {@code name} says whose revision it is in error messages ("special-day"). */
    public RevisionRow(DataSource ds, String table, String name) {
        this.ds = ds;
        this.name = name;
        this.select = "SELECT rev FROM " + table + " WHERE revision_key = 1";
        this.bump = "UPDATE " + table + " SET rev = rev + 1 WHERE revision_key = 1";
    }

    /** Work on one connection inside the transaction; its answer says whether it changed anything. */
    public interface Change {
        boolean apply(Connection c) throws SQLException;
    }

    /** The current revision; 0 when nothing was ever seeded or changed. */
    public long read() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(select);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("reading the " + name + " revision failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code change} in one transaction; when it changed something the revision moves in the same commit,
     * otherwise everything rolls back. Returns what {@code change} answered.
     */
    public boolean change(String what, Change change) {
        return inTransaction(what, c -> {
            if (!change.apply(c)) return false;
            bump(c, "");
            return true;
        });
    }

    /**
     * Runs {@code fill} only on the first seeding: the revision moves from 0 to 1 in the same transaction, so of
     * several nodes starting together exactly one seeds. True if this call seeded.
     */
    public boolean seedIfNew(String what, Change fill) {
        return inTransaction(what, c -> bump(c, " AND rev = 0") && fill.apply(c));
    }

    private boolean bump(Connection c, String condition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(bump + condition)) {
            return ps.executeUpdate() > 0;
        }
    }

    private boolean inTransaction(String what, Change work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean r = work.apply(c);
                if (r) c.commit();
                else c.rollback();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }
}
