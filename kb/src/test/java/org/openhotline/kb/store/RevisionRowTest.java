package org.openhotline.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The revision row moves only with a committed change, and a change that did nothing or failed leaves no trace. */
class RevisionRowTest {
    private Database db;
    private RevisionRow revision;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:r" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);
        revision = new RevisionRow(db.dataSource(), "sensitive_revision", "sensitive-word");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void seedsOnlyOnceAndCountsAsTheFirstRevision() {
        assertEquals(0, revision.read());
        assertTrue(revision.seedIfNew("seeding", c -> insert(c, "a")));
        assertFalse(revision.seedIfNew("seeding", c -> insert(c, "b")));
        assertEquals(1, revision.read());
        assertEquals(1, phrases());
    }

    @Test
    void aChangeMovesTheRevisionInTheSameCommit() {
        assertTrue(revision.change("adding", c -> insert(c, "a")));
        assertEquals(1, revision.read());
        assertEquals(1, phrases());
    }

    @Test
    void aChangeThatChangedNothingRollsBackAndKeepsTheRevision() {
        assertFalse(revision.change("adding", c -> insert(c, "a") && false));
        assertEquals(0, revision.read());
        assertEquals(0, phrases());
    }

    @Test
    void aFailureRollsBackAndNamesTheOperation() {
        StoreException e = assertThrows(StoreException.class, () -> revision.change("adding a phrase", c -> {
            insert(c, "a");
            throw new SQLException("boom");
        }));
        assertTrue(e.getMessage().startsWith("adding a phrase failed: boom"), e.getMessage());
        assertEquals(0, revision.read());
        assertEquals(0, phrases());
    }

    @Test
    void aMissingTableIsAStoreErrorNamingWhoseRevision() {
        RevisionRow missing = new RevisionRow(db.dataSource(), "no_such_revision", "nothing");
        StoreException e = assertThrows(StoreException.class, missing::read);
        assertTrue(e.getMessage().startsWith("reading the nothing revision failed"), e.getMessage());
    }

    private static boolean insert(Connection c, String phrase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensitive_whitelist (phrase, created_at) VALUES (?, CURRENT_TIMESTAMP)")) {
            ps.setString(1, phrase);
            return ps.executeUpdate() > 0;
        }
    }

    private int phrases() {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sensitive_whitelist");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
