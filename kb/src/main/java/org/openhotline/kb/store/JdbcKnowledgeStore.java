package org.openhotline.kb.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.kb.lexicon.JdbcDictionaryStore;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;

/**
 * {@link KnowledgeStore} over JDBC; see V1__knowledge_base.sql for why content and versions are apart, and
 * V3__nlu_dictionaries.sql for the dictionaries each version names.
 */
public final class JdbcKnowledgeStore implements KnowledgeStore {
    private static final String SEP = "\n";
    private static final String VERSION_COLUMNS = "version_no, published_at, note, entry_count, dictionary_snapshot";
    private final DataSource ds;
    private final JdbcDictionaryStore dictionaries;

    /** Publishes record the NLU dictionaries' working set of the same database (see V3__nlu_dictionaries.sql). */
    public JdbcKnowledgeStore(DataSource ds) {
        this.ds = ds;
        this.dictionaries = new JdbcDictionaryStore(ds);
    }

    @Override
    public KbVersion publish(List<Entry> entries, String note) {
        // frozen first, in its own transaction: a snapshot is immutable and content-addressed, so one left
        // unreferenced by a failed publish is harmless and is simply named by the next one
        String snapshot = dictionaries.freeze().orElse(null);
        return inTransaction(c -> publish(c, entries, note == null ? "" : note, snapshot));
    }

    @Override
    public KbVersion republish(int base, String note, String dictionarySnapshot) {
        return inTransaction(c -> {
            int count;
            try (PreparedStatement ps = c.prepareStatement("SELECT entry_count FROM kb_version WHERE version_no = ?")) {
                ps.setInt(1, base);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalArgumentException("there is no knowledge-base version " + base);
                    count = rs.getInt(1);
                }
            }
            KbVersion v = insertVersion(c, note == null ? "" : note, count, dictionarySnapshot);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO kb_version_entry (version_no, entry_id, revision_id) SELECT ?, entry_id, revision_id FROM kb_version_entry WHERE version_no = ?")) {
                ps.setInt(1, v.number());
                ps.setInt(2, base);
                ps.executeUpdate();
            }
            return v;
        });
    }

    private interface Work {
        KbVersion run(Connection c) throws SQLException;
    }

    private KbVersion inTransaction(Work work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                KbVersion v = work.run(c);
                c.commit();
                return v;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("publishing a knowledge-base version failed: " + e.getMessage(), e);
        }
    }

    private KbVersion insertVersion(Connection c, String note, int entryCount, String dictionarySnapshot) throws SQLException {
        int next;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version_no), 0) + 1 FROM kb_version")) {
            rs.next();
            next = rs.getInt(1);
        }
        // databases keep microseconds: the version returned must equal the one read back
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (note.length() > 1000) note = note.substring(0, 1000);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, next);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, note);
            ps.setInt(4, entryCount);
            if (dictionarySnapshot == null) ps.setNull(5, java.sql.Types.VARCHAR);
            else ps.setString(5, dictionarySnapshot);
            ps.executeUpdate();
        }
        return new KbVersion(next, now, note, entryCount, dictionarySnapshot);
    }

    private KbVersion publish(Connection c, List<Entry> entries, String note, String dictionarySnapshot) throws SQLException {
        KbVersion version = insertVersion(c, note, entries.size(), dictionarySnapshot);
        int next = version.number();
        Instant now = version.publishedAt();
        Map<String, Long> existing = existingRevisions(c);
        List<Long> revisionIds = new ArrayList<>(entries.size());
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO kb_revision (entry_id, content_hash, category, question, similar_questions, answer, voice_answer, keywords, valid_from, valid_to, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (Entry e : entries) {
                String hash = contentHash(e);
                Long id = existing.get(e.id() + SEP + hash);
                if (id == null) {
                    ins.setString(1, e.id());
                    ins.setString(2, hash);
                    ins.setString(3, e.category());
                    ins.setString(4, e.question());
                    ins.setString(5, String.join(SEP, e.similar()));
                    ins.setString(6, e.answer());
                    ins.setString(7, e.voiceAnswer());
                    ins.setString(8, String.join(SEP, e.keywords()));
                    ins.setDate(9, e.validFrom() == null ? null : Date.valueOf(e.validFrom()));
                    ins.setDate(10, e.validTo() == null ? null : Date.valueOf(e.validTo()));
                    ins.setString(11, e.status().name());
                    ins.setTimestamp(12, Timestamp.from(now));
                    ins.executeUpdate();
                    try (ResultSet keys = ins.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    existing.put(e.id() + SEP + hash, id);
                }
                revisionIds.add(id);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_version_entry (version_no, entry_id, revision_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < entries.size(); i++) {
                ps.setInt(1, next);
                ps.setString(2, entries.get(i).id());
                ps.setLong(3, revisionIds.get(i));
                ps.addBatch();
                if (i % 500 == 499) ps.executeBatch();
            }
            ps.executeBatch();
        }
        return version;
    }

    private static Map<String, Long> existingRevisions(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT revision_id, entry_id, content_hash FROM kb_revision")) {
            while (rs.next()) out.put(rs.getString(2) + SEP + rs.getString(3), rs.getLong(1));
        }
        return out;
    }

    @Override
    public Optional<KbVersion> currentVersion() {
        List<KbVersion> v = query("SELECT " + VERSION_COLUMNS + " FROM kb_version ORDER BY version_no DESC", 1, 0);
        return v.stream().findFirst();
    }

    @Override
    public Optional<KbVersion> version(int number) {
        return query("SELECT " + VERSION_COLUMNS + " FROM kb_version WHERE version_no = ?", 1, number).stream().findFirst();
    }

    @Override
    public List<KbVersion> versions() {
        return query("SELECT " + VERSION_COLUMNS + " FROM kb_version ORDER BY version_no DESC", Integer.MAX_VALUE, 0);
    }

    /** {@code number}: bound to the one parameter when the statement has one. */
    private List<KbVersion> query(String sql, int max, int number) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(max == Integer.MAX_VALUE ? 0 : max);
            if (sql.contains("?")) ps.setInt(1, number);
            List<KbVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KbVersion(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading knowledge-base versions failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Entry> entries(int versionNumber) {
        String sql = "SELECT r.entry_id, r.category, r.question, r.similar_questions, r.answer, r.voice_answer, r.keywords, r.valid_from, r.valid_to, r.status "
                + "FROM kb_version_entry v JOIN kb_revision r ON r.revision_id = v.revision_id WHERE v.version_no = ? ORDER BY r.entry_id";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, versionNumber);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)), rs.getString(5),
                            rs.getString(6), split(rs.getString(7)), date(rs.getDate(8)), date(rs.getDate(9)),
                            EntryStatus.valueOf(rs.getString(10))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading knowledge-base version " + versionNumber + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Instant> lastChanged(int versionNumber) {
        String sql = "SELECT v.entry_id, r.created_at FROM kb_version_entry v JOIN kb_revision r ON r.revision_id = v.revision_id WHERE v.version_no = ?";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, versionNumber);
            Map<String, Instant> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading knowledge-base version " + versionNumber + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(SEP));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    static String contentHash(Entry e) {
        String canonical = String.join("\u0001", e.category(), e.question(), String.join(SEP, e.similar()), e.answer(),
                String.valueOf(e.voiceAnswer()), String.join(SEP, e.keywords()), String.valueOf(e.validFrom()),
                String.valueOf(e.validTo()), e.status().name());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
