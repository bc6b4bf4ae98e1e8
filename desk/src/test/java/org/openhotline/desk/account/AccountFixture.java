package org.openhotline.desk.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.openhotline.bot.script.MovableClock;

/** Accounts over a real database with a clock the test moves; small hash parameters so tests stay quick. */
final class AccountFixture {
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    final JdbcAccountStore store;
    final LoginSessions sessions;
    final Accounts accounts;

    AccountFixture(DataSource ds, PasswordHasher hasher) {
        store = new JdbcAccountStore(ds);
        sessions = new LoginSessions(ds, clock, Duration.ofMinutes(30), Duration.ofHours(12));
        accounts = new Accounts(store, hasher, sessions, clock, new Accounts.Policy(3, Duration.ofMinutes(15), 8));
    }

    AccountFixture(DataSource ds) {
        this(ds, new PasswordHasher(64, 1, 1, 2));
    }

    static AccountDraft draft(String username, Role... roles) {
        return new AccountDraft(username, null, Set.of(roles), List.of(), 3, false);
    }
}
