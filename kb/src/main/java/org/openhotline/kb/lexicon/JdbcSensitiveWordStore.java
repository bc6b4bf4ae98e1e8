package org.openhotline.kb.lexicon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openhotline.kb.store.RevisionRow;
import org.openhotline.kb.store.StoreException;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.LexiconEntry;
import org.openhotline.nlu.sensitive.SensitiveLexicon;

/**
 * The sensitive words and whitelist in the database, so editors change them without a release and every
 * node sees the change; {@link #revision()} is one cheap read that moves with every change.
 */
public final class JdbcSensitiveWordStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource ds;
    private final RevisionRow revision;

    public JdbcSensitiveWordStore(DataSource ds) {
        this.ds = ds;
        this.revision = new RevisionRow(ds, "sensitive_revision", "sensitive-word");
    }

    /** Copies {@code bundled} in when the store was never seeded; true if this call seeded it. Safe when nodes start together. */
    public boolean seedIfNew(SensitiveLexicon bundled) {
        return revision.seedIfNew("seeding the sensitive words", c -> {
            Timestamp now = now();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensitive_word (word, category, sound_mark, created_at) VALUES (?, ?, ?, ?)")) {
                for (LexiconEntry e : bundled.entries()) {
                    ps.setString(1, e.word());
                    ps.setString(2, e.category().wireName());
                    ps.setString(3, mark(e));
                    ps.setTimestamp(4, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sensitive_whitelist (phrase, created_at) VALUES (?, ?)")) {
                for (String p : bundled.whitelist()) {
                    ps.setString(1, p);
                    ps.setTimestamp(2, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        });
    }

    /** The words of {@code category} (all when null), in the order they were added. */
    public List<LexiconEntry> words(Category category) {
        String sql = "SELECT word, category, sound_mark FROM sensitive_word" + (category == null ? "" : " WHERE category = ?") + " ORDER BY word_id";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (category != null) ps.setString(1, category.wireName());
            List<LexiconEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String m = rs.getString(3);
                    out.add(LexiconEntry.parse((m == null ? "" : m) + rs.getString(1), Category.fromWire(rs.getString(2))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading sensitive words failed: " + e.getMessage(), e);
        }
    }

    /** False when the category already has the word. */
    public boolean add(LexiconEntry entry) {
        return change("adding a sensitive word", "INSERT INTO sensitive_word (word, category, sound_mark, created_at) VALUES (?, ?, ?, ?)",
                entry.word(), entry.category().wireName(), mark(entry), now());
    }

    /** False when the category has no such word. */
    public boolean remove(Category category, String word) {
        return change("removing a sensitive word", "DELETE FROM sensitive_word WHERE category = ? AND word = ?", category.wireName(), word.strip());
    }

    public List<String> whitelist() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT phrase FROM sensitive_whitelist ORDER BY phrase_id");
                ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading the sensitive-word whitelist failed: " + e.getMessage(), e);
        }
    }

    /** False when the phrase is already there. */
    public boolean addWhitelist(String phrase) {
        return change("adding a whitelist phrase", "INSERT INTO sensitive_whitelist (phrase, created_at) VALUES (?, ?)", phrase.strip(), now());
    }

    /** False when the phrase was not there. */
    public boolean removeWhitelist(String phrase) {
        return change("removing a whitelist phrase", "DELETE FROM sensitive_whitelist WHERE phrase = ?", phrase.strip());
    }

    /** The lexicon the rows describe, ready for {@code SensitiveFilter.reload}. */
    public SensitiveLexicon load() {
        SensitiveLexicon.Builder b = SensitiveLexicon.builder();
        words(null).forEach(b::add);
        whitelist().forEach(b::whitelist);
        return b.build();
    }

    /** A number that changes with every edit; nodes poll it and reload only when it moved. */
    public long revision() {
        return revision.read();
    }

    private boolean change(String what, String sql, Object... args) {
        return revision.change(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] == null) ps.setNull(i + 1, java.sql.Types.VARCHAR);
                    else ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
                throw e;
            }
        });
    }

    private static String mark(LexiconEntry e) {
        return switch (e.sound()) {
            case HOMOPHONE_PRONE -> "~";
            case LITERAL -> "=";
            case NORMAL -> null;
        };
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
