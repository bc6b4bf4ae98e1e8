package org.openhotline.desk.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.openhotline.kb.store.StoreException;

/**
 * Accounts in the database (migration V9: {@code user_account}, {@code user_role}, {@code user_skill_group}), shared by
 * every node. Plain rows and no rules: {@link Accounts} decides; this class only reads and writes.
 */
public final class JdbcAccountStore {
    private static final String COLUMNS = "user_id, username, display_name, max_chats, disabled, must_change_password, created_at, updated_at";

    private final DataSource ds;

    public JdbcAccountStore(DataSource ds) {
        this.ds = ds;
    }

    /** What sign-in needs besides the account: the stored hash and the brute-force counters. */
    record Credentials(Account account, String passwordHash, int failedLogins, Instant lockedUntil) {}

    long count() {
        return query("counting users", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM user_account")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The new account; a username already taken is a CONFLICT. */
    Account insert(AccountDraft d, String passwordHash, boolean mustChange, Instant now) {
        long id = transaction("creating user " + d.username(), c -> {
            if (idOf(c, d.username()).isPresent()) {
                throw new AccountException(AccountException.Kind.CONFLICT, "username_taken", "the username '" + d.username() + "' is taken");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_account (username, display_name, password_hash, max_chats, disabled,"
                    + " must_change_password, failed_logins, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, d.username());
                ps.setString(2, d.displayName());
                ps.setString(3, passwordHash);
                ps.setInt(4, d.maxChats());
                ps.setBoolean(5, d.disabled());
                ps.setBoolean(6, mustChange);
                ps.setObject(7, odt(now));
                ps.setObject(8, odt(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    long newId = keys.getLong(1);
                    writeMemberships(c, newId, d);
                    return newId;
                }
            }
        });
        return find(id).orElseThrow();
    }

    /** Everything but the username and password; NOT_FOUND when there is no such user. */
    Account update(long id, AccountDraft d, Instant now) {
        transaction("updating user " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE user_account SET display_name = ?, max_chats = ?, disabled = ?, updated_at = ? WHERE user_id = ?")) {
                ps.setString(1, d.displayName());
                ps.setInt(2, d.maxChats());
                ps.setBoolean(3, d.disabled());
                ps.setObject(4, odt(now));
                ps.setLong(5, id);
                if (ps.executeUpdate() == 0) throw AccountException.notFound(id);
            }
            for (String table : new String[] {"user_role", "user_skill_group"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            writeMemberships(c, id, d);
            return null;
        });
        return find(id).orElseThrow();
    }

    void setPassword(long id, String passwordHash, boolean mustChange, Instant now) {
        int n = update("setting the password of user " + id,
                "UPDATE user_account SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE user_id = ?",
                passwordHash, mustChange, odt(now), id);
        if (n == 0) throw AccountException.notFound(id);
    }

    /** A new hash of the same password (stronger parameters); touches nothing else. */
    void rehash(long id, String passwordHash) {
        update("rehashing the password of user " + id, "UPDATE user_account SET password_hash = ? WHERE user_id = ?", passwordHash, id);
    }

    /** Counts one more failed sign-in; returns the count in a row (concurrent failures all count). */
    int recordFailure(long id) {
        return transaction("counting a failed sign-in", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE user_account SET failed_logins = failed_logins + 1 WHERE user_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT failed_logins FROM user_account WHERE user_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    void lock(long id, Instant until) {
        update("locking user " + id, "UPDATE user_account SET failed_logins = 0, locked_until = ? WHERE user_id = ?", odt(until), id);
    }

    void clearFailures(long id) {
        update("clearing failed sign-ins", "UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE user_id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)", id);
    }

    public Optional<Account> find(long id) {
        return one("WHERE user_id = ?", id).map(Credentials::account);
    }

    Optional<Credentials> credentials(String username) {
        return one("WHERE username = ?", username);
    }

    /** Every account, by username. */
    public List<Account> list() {
        return query("listing users", c -> {
            Map<Long, Set<Role>> roles = roles(c, null);
            Map<Long, List<String>> groups = groups(c, null);
            List<Account> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM user_account ORDER BY username")) {
                while (rs.next()) out.add(account(rs, roles, groups));
            }
            return out;
        });
    }

    private Optional<Credentials> one(String where, Object key) {
        return query("reading a user", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", password_hash, failed_logins, locked_until FROM user_account " + where)) {
                ps.setObject(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Credentials>empty();
                    long id = rs.getLong(1);
                    Account a = account(rs, roles(c, id), groups(c, id));
                    OffsetDateTime locked = rs.getObject(11, OffsetDateTime.class);
                    return Optional.of(new Credentials(a, rs.getString(9), rs.getInt(10), locked == null ? null : locked.toInstant()));
                }
            }
        });
    }

    private static Account account(ResultSet rs, Map<Long, Set<Role>> roles, Map<Long, List<String>> groups) throws SQLException {
        long id = rs.getLong(1);
        return new Account(id, rs.getString(2), rs.getString(3), roles.getOrDefault(id, Set.of()), groups.getOrDefault(id, List.of()),
                rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getObject(8, OffsetDateTime.class).toInstant());
    }

    /** Roles by user; {@code id} null for all users. Unknown role names (from a newer version) are skipped, never fatal. */
    private static Map<Long, Set<Role>> roles(Connection c, Long id) throws SQLException {
        Map<Long, Set<Role>> out = new HashMap<>();
        for (Map.Entry<Long, List<String>> e : pairs(c, "SELECT user_id, role FROM user_role", id).entrySet()) {
            Set<Role> set = EnumSet.noneOf(Role.class);
            for (String r : e.getValue()) {
                try {
                    set.add(Role.valueOf(r));
                } catch (IllegalArgumentException ignored) {
                    // a role this version does not know grants nothing
                }
            }
            out.put(e.getKey(), set);
        }
        return out;
    }

    private static Map<Long, List<String>> groups(Connection c, Long id) throws SQLException {
        return pairs(c, "SELECT user_id, group_code FROM user_skill_group", id);
    }

    private static Map<Long, List<String>> pairs(Connection c, String select, Long id) throws SQLException {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(select + (id == null ? "" : " WHERE user_id = ?") + " ORDER BY 1, 2")) {
            if (id != null) ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        out.values().forEach(java.util.Collections::sort); // code-point order in Java: databases collate differently
        return out;
    }

    private static void writeMemberships(Connection c, long id, AccountDraft d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
            for (Role r : d.roles()) {
                ps.setLong(1, id);
                ps.setString(2, r.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (d.skillGroups().isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_skill_group (user_id, group_code) VALUES (?, ?)")) {
            for (String g : d.skillGroups()) {
                ps.setLong(1, id);
                ps.setString(2, g);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<Long> idOf(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM user_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static OffsetDateTime odt(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private int update(String what, String sql, Object... args) {
        return query(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            }
        });
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T query(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private <T> T transaction(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) { // a concurrent insert of the same username
                throw new AccountException(AccountException.Kind.CONFLICT, "username_taken", "that username is taken");
            }
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }
}
