package org.openhotline.desk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.account.Accounts.SignIn.Outcome;
import org.openhotline.kb.store.PostgresTestSchema;

/** The same account rules on PostgreSQL (V9 as migrated there), and a session opened on one node read by another. */
class AccountStoreIT {
    @RegisterExtension
    static final PostgresTestSchema.PerTest PG = PostgresTestSchema.perTest("acct");

    @Test
    void accountsLockoutAndSessionsOnPostgres() {
        AccountFixture nodeA = new AccountFixture(PG.database().dataSource());
        AccountFixture nodeB = new AccountFixture(PG.database().dataSource());
        Account a = nodeA.accounts.create(new AccountDraft("agent1", "李四", Set.of(Role.AGENT), List.of("公积金", "12345"), 5, false), "agent-pass", false);
        assertEquals(List.of("12345", "公积金"), nodeB.accounts.find(a.id()).orElseThrow().skillGroups());
        var s = nodeA.sessions.open(a.id());
        assertEquals(a.id(), nodeB.sessions.resolve(s.token()).orElseThrow().userId(), "another node knows the session");
        for (int i = 0; i < 2; i++) nodeA.accounts.signIn("agent1", "wrong");
        assertEquals(Outcome.LOCKED, nodeB.accounts.signIn("agent1", "wrong").outcome(), "failures count across nodes");
        nodeB.clock.advance(Duration.ofMinutes(16));
        assertEquals(Outcome.OK, nodeB.accounts.signIn("agent1", "agent-pass").outcome());
        nodeA.accounts.update(a.id(), new AccountDraft("agent1", "李四", Set.of(Role.AGENT, Role.SUPERVISOR), List.of(), 2, false));
        assertTrue(nodeB.sessions.resolve(s.token()).isEmpty(), "a change of roles signs the user out everywhere");
        assertEquals(Set.of(Role.AGENT, Role.SUPERVISOR), nodeB.accounts.list().get(0).roles());
    }
}
