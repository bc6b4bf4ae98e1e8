package org.openhotline.kb.lexicon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.kb.store.StoreException;

/**
 * Frozen copies of the dictionaries, one row per distinct content, keyed by the SHA-256 of their JSON.
 * Rows are never changed or deleted: a knowledge-base version names one, so it is searched with exactly the
 * dictionaries it was published with, however the working set changes later.
 */
public final class JdbcDictionarySnapshots {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource ds;
    private final DictionaryCodec codec = new DictionaryCodec();

    public JdbcDictionarySnapshots(DataSource ds) {
        this.ds = ds;
    }

    /** Stores {@code entries} unless the same content is stored already; returns its hash either way. */
    public String save(List<DictionaryEntry> entries) {
        String text = codec.encodeSnapshot(entries);
        String hash = DictionaryCodec.hashOf(text);
        if (exists(hash)) return hash;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO nlu_dictionary_snapshot (snapshot_hash, content, entry_count, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, hash);
            ps.setString(2, text);
            ps.setInt(3, entries.size());
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            // another node froze the same content at the same moment: the row is there, which is all we need
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw new StoreException("saving a dictionary snapshot failed: " + e.getMessage(), e);
        }
        return hash;
    }

    /** The entries frozen under {@code hash}, or empty when there is no such snapshot. */
    public Optional<List<DictionaryEntry>> load(String hash) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT content FROM nlu_dictionary_snapshot WHERE snapshot_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(codec.decodeSnapshot(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading dictionary snapshot " + hash + " failed: " + e.getMessage(), e);
        }
    }

    private boolean exists(String hash) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM nlu_dictionary_snapshot WHERE snapshot_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("reading dictionary snapshots failed: " + e.getMessage(), e);
        }
    }
}
