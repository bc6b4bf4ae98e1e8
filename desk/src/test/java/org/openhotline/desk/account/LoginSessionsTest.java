package org.openhotline.desk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.store.Database;

class LoginSessionsTest {
    private final Database db = Database.open("jdbc:h2:mem:ls" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    private final AccountFixture f = new AccountFixture(db.dataSource());
    private final long user = f.accounts.create(AccountFixture.draft("agent1", Role.AGENT), "agent-pass", false).id();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anIdleSessionEndsButAnActiveOneLivesOn() {
        var s = f.sessions.open(user);
        assertEquals(user, f.sessions.resolve(s.token()).orElseThrow().userId());
        for (int i = 0; i < 6; i++) { // 3 hours of requests every 29 minutes
            f.clock.advance(Duration.ofMinutes(29));
            assertTrue(f.sessions.resolve(s.token()).isPresent(), "request " + i);
        }
        f.clock.advance(Duration.ofMinutes(30));
        assertTrue(f.sessions.resolve(s.token()).isEmpty(), "30 idle minutes end it");
        f.clock.advance(Duration.ofMinutes(-30));
        assertTrue(f.sessions.resolve(s.token()).isEmpty(), "and it stays ended (deleted)");
    }

    @Test
    void aSessionEndsAtItsMaximumAgeWhateverTheActivity() {
        var s = f.sessions.open(user);
        for (int i = 0; i < 24; i++) { // a request every 29 minutes: 11 h 36 min
            f.clock.advance(Duration.ofMinutes(29));
            assertTrue(f.sessions.resolve(s.token()).isPresent(), "request " + i);
        }
        f.clock.advance(Duration.ofMinutes(25)); // 12 h 1 min after sign-in, 25 min after the last request
        assertTrue(f.sessions.resolve(s.token()).isEmpty());
    }

    @Test
    void onlyAHashOfTheIdIsStoredAndSignOutEndsOneSession() throws Exception {
        var a = f.sessions.open(user);
        var b = f.sessions.open(user);
        assertNotEquals(a.token(), b.token());
        assertNotEquals(a.csrf(), b.csrf());
        assertTrue(a.token().length() >= 43, "256 bits");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT session_hash FROM login_session")) {
            while (rs.next()) {
                String stored = rs.getString(1);
                assertTrue(!stored.equals(a.token()) && !stored.equals(b.token()));
            }
        }
        assertEquals(a.csrf(), f.sessions.resolve(a.token()).orElseThrow().csrf());
        f.sessions.revoke(a.token());
        assertTrue(f.sessions.resolve(a.token()).isEmpty());
        assertTrue(f.sessions.resolve(b.token()).isPresent());
        assertEquals(1, f.sessions.revokeAll(user));
        assertTrue(f.sessions.resolve("not-a-session").isEmpty());
        assertTrue(f.sessions.resolve("x".repeat(5000)).isEmpty());
    }
}
