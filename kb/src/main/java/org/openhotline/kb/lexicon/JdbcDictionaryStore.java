package org.openhotline.kb.lexicon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.kb.store.RevisionRow;
import org.openhotline.kb.store.StoreException;
import org.openhotline.nlu.lexicon.NluDictionaries;

/**
 * The working set of the editable NLU dictionaries (the draft editors change through the admin API), seeded
 * once from the shipped files. Nothing here is live: a knowledge-base publish {@link #freeze() freezes} the
 * working set into a snapshot, and the version's index is built and searched with that snapshot.
 */
public final class JdbcDictionaryStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "entry_id, kind, term, detail, parent_name, variants";
    private static final String SEP = "\n";

    private final DataSource ds;
    private final RevisionRow revision;
    private final JdbcDictionarySnapshots snapshots;

    public JdbcDictionaryStore(DataSource ds) {
        this.ds = ds;
        this.revision = new RevisionRow(ds, "nlu_dictionary_revision", "dictionary");
        this.snapshots = new JdbcDictionarySnapshots(ds);
    }

    /** Copies {@code seed} in when the store was never seeded; true if this call seeded it. Safe when nodes start together. */
    public boolean seedIfNew(NluDictionaries seed) {
        return revision.seedIfNew("seeding the NLU dictionaries", c -> {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO nlu_dictionary_entry (kind, term, detail, parent_name, variants, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (DictionaryEntry e : DictionaryEntries.of(seed)) {
                    bind(ps, e, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        });
    }

    /** Whether the store was seeded; before that, versions are published without dictionaries (the files apply). */
    public boolean isSeeded() {
        return revision() > 0;
    }

    /** Every entry of every kind, in the order they were added. */
    public List<DictionaryEntry> entries() {
        return query("SELECT " + COLUMNS + " FROM nlu_dictionary_entry ORDER BY entry_id", null);
    }

    /** The entries of one kind in the order they were added, only those mentioning {@code q} when it is not blank. */
    public List<DictionaryEntry> entries(DictionaryKind kind, String q) {
        List<DictionaryEntry> all = query("SELECT " + COLUMNS + " FROM nlu_dictionary_entry WHERE kind = ? ORDER BY entry_id", kind);
        if (q == null || q.isBlank()) return all;
        String needle = q.strip();
        return all.stream().filter(e -> e.mentions(needle)).toList();
    }

    /** How many entries each kind has (zero included). */
    public Map<DictionaryKind, Integer> counts() {
        Map<DictionaryKind, Integer> out = new EnumMap<>(DictionaryKind.class);
        for (DictionaryKind k : DictionaryKind.values()) out.put(k, 0);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(*) FROM nlu_dictionary_entry GROUP BY kind");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(DictionaryKind.fromWire(rs.getString(1)), rs.getInt(2));
            return out;
        } catch (SQLException e) {
            throw new StoreException("counting dictionary entries failed: " + e.getMessage(), e);
        }
    }

    /** Stores {@code entry} and returns it with its id; empty when its kind already has that word (or place under that parent). */
    public Optional<DictionaryEntry> add(DictionaryEntry entry) {
        long[] id = new long[1];
        boolean added = revision.change("adding a dictionary entry", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO nlu_dictionary_entry (kind, term, detail, parent_name, variants, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, entry, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id[0] = keys.getLong(1);
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
                throw e;
            }
            return true;
        });
        return added ? Optional.of(entry.withId(id[0])) : Optional.empty();
    }

    /** False when {@code kind} has no entry {@code id}. */
    public boolean remove(DictionaryKind kind, long id) {
        return revision.change("removing a dictionary entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM nlu_dictionary_entry WHERE kind = ? AND entry_id = ?")) {
                ps.setString(1, kind.wireName());
                ps.setLong(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** A number that moves with every edit of the working set (0: never seeded). */
    public long revision() {
        return revision.read();
    }

    /** The working set as the dictionaries the NLU and the index use. */
    public NluDictionaries working() {
        return DictionaryEntries.toNlu(entries());
    }

    /** The content address the working set would be frozen under now. */
    public String workingHash() {
        return new DictionaryCodec().hash(entries());
    }

    /** Freezes the working set into a snapshot and returns its hash; empty when the store was never seeded. */
    public Optional<String> freeze() {
        if (!isSeeded()) return Optional.empty();
        return Optional.of(snapshots.save(entries()));
    }

    /** The frozen dictionaries named {@code hash}, or empty when there is no such snapshot. */
    public Optional<NluDictionaries> snapshot(String hash) {
        return snapshots.load(hash).map(DictionaryEntries::toNlu);
    }

    private List<DictionaryEntry> query(String sql, DictionaryKind kind) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (kind != null) ps.setString(1, kind.wireName());
            List<DictionaryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String variants = rs.getString(6);
                    out.add(new DictionaryEntry(rs.getLong(1), DictionaryKind.fromWire(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), variants == null || variants.isEmpty() ? List.of() : Arrays.asList(variants.split(SEP))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading dictionary entries failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, DictionaryEntry e, Timestamp now) throws SQLException {
        ps.setString(1, e.kind().wireName());
        ps.setString(2, e.term());
        if (e.detail() == null) ps.setNull(3, java.sql.Types.VARCHAR);
        else ps.setString(3, e.detail());
        ps.setString(4, e.parent());
        ps.setString(5, String.join(SEP, e.variants()));
        ps.setTimestamp(6, now);
    }
}
