package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.Role;
import org.openhotline.kb.store.Database;
import org.openhotline.server.auth.AuthServices;
import org.openhotline.server.config.HotlineConfig;

/** Migration V14 and the SIP passwords on the real PostgreSQL (a throwaway schema): set, read, refused when disabled, cascade. */
class JdbcPhoneCredentialsIT {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void sipPasswordsOnPostgres() throws Exception {
        String schema = "sip_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = createSchema(schema);
        try (Database db = Database.open(PG + "?currentSchema=" + schema, user, null, 2)) {
            HotlineConfig config = HotlineConfig.defaultsOnly().with("auth.argon2.memory-kib", "64").with("auth.argon2.iterations", "1");
            Accounts accounts = AuthServices.fromConfig(config, db.dataSource(), Clock.systemUTC()).accounts();
            JdbcPhoneCredentials credentials = new JdbcPhoneCredentials(db.dataSource(), "openhotline", Clock.systemUTC());
            Account a = accounts.create(new AccountDraft("agent1", "agent1", Set.of(Role.AGENT), List.of(), 3, false), "agent1-sign-in", false);
            credentials.set(a.id(), "agent1", "sip-pass-123");
            credentials.set(a.id(), "agent1", "sip-pass-456");
            assertEquals(Optional.of(JdbcPhoneCredentials.md5("agent1:openhotline:sip-pass-456")), credentials.ha1("agent1", "openhotline"));
            accounts.update(a.id(), new AccountDraft("agent1", "agent1", Set.of(Role.AGENT), List.of(), 3, true));
            assertEquals(Optional.empty(), credentials.ha1("agent1", "openhotline"));
            try (Connection c = db.dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("DELETE FROM user_account WHERE user_id = " + a.id());
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM sip_credential")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the account's SIP password went with it");
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(PG, user, null); var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** Creates the schema as whichever role trust authentication knows here; returns that role. */
    private static String createSchema(String name) {
        for (String candidate : new String[] {"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(PG, candidate, null); var s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
                return candidate;
            } catch (SQLException e) {
                // try the next role
            }
        }
        throw new IllegalStateException("PostgreSQL at " + PG + " is needed (trust auth)");
    }
}
