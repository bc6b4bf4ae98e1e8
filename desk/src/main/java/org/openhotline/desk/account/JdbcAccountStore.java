package org.openhotline.desk.account;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.openhotline.desk.store.Jdbc;

/**
 * Accounts in the database (migration V9: {@code user_account}, {@code user_role}, {@code user_skill_group}), shared by
 * every node. Plain rows and no rules: {@link Accounts} decides; this class only reads and writes.
 */
public final class JdbcAccountStore {
    private static final String COLUMNS = "user_id, username, display_name, max_chats, disabled, must_change_password, created_at, updated_at";

    private final Jdbc jdbc;

    public JdbcAccountStore(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** What sign-in needs besides the account: the stored hash and the brute-force counters. */
    record Credentials(Account account, String passwordHash, int failedLogins, Instant lockedUntil) {}

    long count() {
        return jdbc.query("count users", "SELECT COUNT(*) FROM user_account", rs -> rs.getLong(1)).get(0);
    }

    /** The new account; a username already taken is a CONFLICT (also when two admins create it at the same moment). */
    Account insert(AccountDraft d, String passwordHash, boolean mustChange, Instant now) {
        long id;
        try {
            id = jdbc.tx("create user " + d.username(), c -> {
                if (!Jdbc.query(c, "SELECT user_id FROM user_account WHERE username = ?", rs -> rs.getLong(1), d.username()).isEmpty()) {
                    throw taken(d.username());
                }
                long newId = Jdbc.insert(c, "INSERT INTO user_account (username, display_name, password_hash, max_chats, disabled,"
                        + " must_change_password, failed_logins, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, ?, ?)",
                        d.username(), d.displayName(), passwordHash, d.maxChats(), d.disabled(), mustChange, odt(now), odt(now));
                writeMemberships(c, newId, d);
                return newId;
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) throw taken(d.username());
            throw e;
        }
        return find(id).orElseThrow();
    }

    private static AccountException taken(String username) {
        return new AccountException(AccountException.Kind.CONFLICT, "username_taken", "the username '" + username + "' is taken");
    }

    /** Everything but the username and password; NOT_FOUND when there is no such user. */
    Account update(long id, AccountDraft d, Instant now) {
        jdbc.tx("update user " + id, c -> {
            if (Jdbc.update(c, "UPDATE user_account SET display_name = ?, max_chats = ?, disabled = ?, updated_at = ? WHERE user_id = ?",
                    d.displayName(), d.maxChats(), d.disabled(), odt(now), id) == 0) {
                throw AccountException.notFound(id);
            }
            Jdbc.update(c, "DELETE FROM user_role WHERE user_id = ?", id);
            Jdbc.update(c, "DELETE FROM user_skill_group WHERE user_id = ?", id);
            writeMemberships(c, id, d);
            return null;
        });
        return find(id).orElseThrow();
    }

    void setPassword(long id, String passwordHash, boolean mustChange, Instant now) {
        int n = jdbc.update("set the password of user " + id,
                "UPDATE user_account SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE user_id = ?",
                passwordHash, mustChange, odt(now), id);
        if (n == 0) throw AccountException.notFound(id);
    }

    /** A new hash of the same password (stronger parameters); touches nothing else. */
    void rehash(long id, String passwordHash) {
        jdbc.update("rehash the password of user " + id, "UPDATE user_account SET password_hash = ? WHERE user_id = ?", passwordHash, id);
    }

    /** Counts one more failed sign-in; returns the count in a row (concurrent failures all count). */
    int recordFailure(long id) {
        return jdbc.tx("count a failed sign-in", c -> {
            Jdbc.update(c, "UPDATE user_account SET failed_logins = failed_logins + 1 WHERE user_id = ?", id);
            return Jdbc.query(c, "SELECT failed_logins FROM user_account WHERE user_id = ?", rs -> rs.getInt(1), id).stream().findFirst().orElse(0);
        });
    }

    void lock(long id, Instant until) {
        jdbc.update("lock user " + id, "UPDATE user_account SET failed_logins = 0, locked_until = ? WHERE user_id = ?", odt(until), id);
    }

    void clearFailures(long id) {
        jdbc.update("clear failed sign-ins", "UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE user_id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)", id);
    }

    public Optional<Account> find(long id) {
        return one("WHERE user_id = ?", id).map(Credentials::account);
    }

    Optional<Credentials> credentials(String username) {
        return one("WHERE username = ?", username);
    }

    /** Every account, by username. */
    public List<Account> list() {
        return jdbc.tx("list users", c -> {
            Map<Long, Set<Role>> roles = roles(c, null);
            Map<Long, List<String>> groups = groups(c, null);
            return Jdbc.query(c, "SELECT " + COLUMNS + " FROM user_account ORDER BY username", rs -> account(rs, roles, groups));
        });
    }

    private Optional<Credentials> one(String where, Object key) {
        return jdbc.tx("read a user", c -> Jdbc.query(c, "SELECT " + COLUMNS + ", password_hash, failed_logins, locked_until FROM user_account " + where,
                rs -> {
                    long id = rs.getLong(1);
                    OffsetDateTime locked = rs.getObject(11, OffsetDateTime.class);
                    return new Credentials(account(rs, roles(c, id), groups(c, id)), rs.getString(9), rs.getInt(10), locked == null ? null : locked.toInstant());
                }, key).stream().findFirst());
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
        String sql = select + (id == null ? "" : " WHERE user_id = ?") + " ORDER BY 1, 2";
        for (Map.Entry<Long, String> e : Jdbc.query(c, sql, rs -> Map.entry(rs.getLong(1), rs.getString(2)), id == null ? new Object[0] : new Object[] {id})) {
            out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        out.values().forEach(java.util.Collections::sort); // code-point order in Java: databases collate differently
        return out;
    }

    private static void writeMemberships(Connection c, long id, AccountDraft d) throws SQLException {
        for (Role r : d.roles()) Jdbc.update(c, "INSERT INTO user_role (user_id, role) VALUES (?, ?)", id, r.name());
        for (String g : d.skillGroups()) Jdbc.update(c, "INSERT INTO user_skill_group (user_id, group_code) VALUES (?, ?)", id, g);
    }

    static OffsetDateTime odt(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
