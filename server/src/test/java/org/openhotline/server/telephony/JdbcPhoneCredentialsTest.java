package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.Role;
import org.openhotline.kb.store.Database;
import org.openhotline.server.auth.AuthServices;
import org.openhotline.server.config.HotlineConfig;

/** SIP passwords on H2 through migration V14: HA1 only, per realm, refused for disabled accounts, gone with the account's row. */
class JdbcPhoneCredentialsTest {
    private final Database db = Database.open("jdbc:h2:mem:sip" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", null, null, 4);
    private final HotlineConfig config = HotlineConfig.defaultsOnly().with("auth.argon2.memory-kib", "64").with("auth.argon2.iterations", "1");
    private final Accounts accounts = AuthServices.fromConfig(config, db.dataSource(), Clock.systemUTC()).accounts();
    private final JdbcPhoneCredentials credentials = new JdbcPhoneCredentials(db.dataSource(), "openhotline", Clock.systemUTC());

    @AfterEach
    void close() {
        db.close();
    }

    private Account agent(String name) {
        return accounts.create(new AccountDraft(name, name, Set.of(Role.AGENT), List.of(), 3, false), name + "-sign-in-pw", false);
    }

    @Test
    void onlyTheDigestHashIsStoredAndFoundByUsernameAndRealm() throws Exception {
        Account a = agent("agent1");
        assertEquals(Optional.empty(), credentials.ha1("agent1", "openhotline"));
        credentials.set(a.id(), "agent1", "sip-pass-123");
        String ha1 = JdbcPhoneCredentials.md5("agent1:openhotline:sip-pass-123");
        assertEquals(Optional.of(ha1), credentials.ha1("agent1", "openhotline"));
        assertEquals(Optional.empty(), credentials.ha1("agent1", "elsewhere"), "another realm's hash would not match");
        assertEquals(Optional.empty(), credentials.ha1("nobody", "openhotline"));
        try (var c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery("SELECT ha1 FROM sip_credential")) {
            assertTrue(rs.next());
            assertEquals(ha1, rs.getString(1));
            assertFalse(rs.getString(1).contains("sip-pass"));
        }
        credentials.set(a.id(), "agent1", "sip-pass-456"); // replacing, not a second row
        assertEquals(Optional.of(JdbcPhoneCredentials.md5("agent1:openhotline:sip-pass-456")), credentials.ha1("agent1", "openhotline"));
        assertTrue(credentials.isSet(a.id()));
    }

    @Test
    void aDisabledAccountsPhoneIsRefusedAndRemovingThePasswordWorks() {
        Account a = agent("agent2");
        credentials.set(a.id(), "agent2", "sip-pass-123");
        accounts.update(a.id(), new AccountDraft("agent2", "agent2", Set.of(Role.AGENT), List.of(), 3, true));
        assertEquals(Optional.empty(), credentials.ha1("agent2", "openhotline"));
        assertTrue(credentials.remove(a.id()));
        assertFalse(credentials.remove(a.id()));
        assertFalse(credentials.isSet(a.id()));
    }

    @Test
    void theDemoAgentsGetTheirSamplePasswordOnceAndAChangedOneStays() {
        Account a1 = agent("agent1");
        agent("leader1");
        var samples = SamplePhonePasswords.seed(accounts, credentials);
        assertEquals(List.of("agent1", "leader1"), samples.stream().map(SamplePhonePasswords.Sample::username).toList());
        assertEquals(Optional.of(JdbcPhoneCredentials.md5("agent1:openhotline:demo-sip-agent1")), credentials.ha1("agent1", "openhotline"));
        credentials.set(a1.id(), "agent1", "changed-by-admin");
        SamplePhonePasswords.seed(accounts, credentials);
        assertEquals(Optional.of(JdbcPhoneCredentials.md5("agent1:openhotline:changed-by-admin")), credentials.ha1("agent1", "openhotline"));
    }
}
