package org.openhotline.desk.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.Accounts.SignIn.Outcome;
import org.openhotline.kb.store.Database;

class AccountsTest {
    private final Database db = Database.open("jdbc:h2:mem:acc" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    private final AccountFixture f = new AccountFixture(db.dataSource());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesRolesGroupsAndSettingsAndSignsIn() {
        Account a = f.accounts.create(new AccountDraft(" Agent1 ", "王小明", Set.of(Role.AGENT, Role.GROUP_LEADER), List.of("社保", "医保", "社保"), 4, false),
                "agent-pass-1", false);
        assertEquals("agent1", a.username());
        assertEquals(Set.of(Role.AGENT, Role.GROUP_LEADER), a.roles());
        assertEquals(List.of("医保", "社保"), a.skillGroups(), "stored once each, in code-point order");
        assertEquals(a, f.accounts.find(a.id()).orElseThrow());
        assertEquals(List.of(a), f.accounts.list());
        var ok = f.accounts.signIn("AGENT1", "agent-pass-1");
        assertEquals(Outcome.OK, ok.outcome());
        assertEquals(a.id(), ok.account().id());
        assertEquals(Outcome.BAD_CREDENTIALS, f.accounts.signIn("agent1", "agent-pass-2").outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, f.accounts.signIn("nobody", "agent-pass-1").outcome());
        var e = assertThrows(AccountException.class, () -> f.accounts.create(AccountFixture.draft("agent1", Role.AGENT), "another-pass", false));
        assertEquals("username_taken", e.code());
        assertEquals("weak_password", assertThrows(AccountException.class,
                () -> f.accounts.create(AccountFixture.draft("agent2", Role.AGENT), "short", false)).code());
        assertEquals("no_roles", assertThrows(AccountException.class, () -> AccountFixture.draft("agent3")).code());
        assertEquals("bad_username", assertThrows(AccountException.class, () -> AccountFixture.draft("王", Role.AGENT)).code());
    }

    @Test
    void locksAfterRepeatedFailuresUntilTheLockoutPasses() {
        Account a = f.accounts.create(AccountFixture.draft("editor1", Role.EDITOR), "editor-pass", false);
        assertEquals(Outcome.BAD_CREDENTIALS, f.accounts.signIn("editor1", "wrong-1").outcome());
        assertEquals(Outcome.BAD_CREDENTIALS, f.accounts.signIn("editor1", "wrong-2").outcome());
        var locked = f.accounts.signIn("editor1", "wrong-3");
        assertEquals(Outcome.LOCKED, locked.outcome());
        assertEquals(f.clock.instant().plus(Duration.ofMinutes(15)), locked.lockedUntil());
        assertEquals(Outcome.LOCKED, f.accounts.signIn("editor1", "editor-pass").outcome(), "even the right password waits");
        f.clock.advance(Duration.ofMinutes(15));
        assertEquals(Outcome.OK, f.accounts.signIn("editor1", "editor-pass").outcome());
        // a success resets the count: two more failures do not lock
        f.accounts.signIn("editor1", "wrong-4");
        f.accounts.signIn("editor1", "wrong-5");
        assertEquals(Outcome.OK, f.accounts.signIn("editor1", "editor-pass").outcome());
        assertNull(f.store.credentials("editor1").orElseThrow().lockedUntil());
        assertEquals(a.id(), f.accounts.signIn("editor1", "editor-pass").account().id());
    }

    @Test
    void aDisabledUserCannotSignInAndIsSignedOutEverywhere() {
        Account a = f.accounts.create(AccountFixture.draft("agent1", Role.AGENT), "agent-pass", false);
        var s = f.sessions.open(a.id());
        Account off = f.accounts.update(a.id(), new AccountDraft("agent1", "停用", a.roles(), a.skillGroups(), a.maxChats(), true));
        assertTrue(off.disabled());
        assertTrue(f.sessions.resolve(s.token()).isEmpty());
        assertEquals(Outcome.BAD_CREDENTIALS, f.accounts.signIn("agent1", "agent-pass").outcome());
        assertEquals("username_fixed", assertThrows(AccountException.class,
                () -> f.accounts.update(a.id(), AccountFixture.draft("agent9", Role.AGENT))).code());
        assertEquals("no_user", assertThrows(AccountException.class, () -> f.accounts.update(999, AccountFixture.draft("x1", Role.AGENT))).code());
    }

    @Test
    void passwordResetAndChangeRevokeSessionsAndClearTheMustChangeFlag() {
        Account a = f.accounts.create(AccountFixture.draft("leader1", Role.GROUP_LEADER), "leader-pass", false);
        var s = f.sessions.open(a.id());
        f.accounts.resetPassword(a.id(), "reset-pass-1");
        assertTrue(f.sessions.resolve(s.token()).isEmpty());
        Account reset = f.accounts.signIn("leader1", "reset-pass-1").account();
        assertTrue(reset.mustChangePassword());
        assertEquals("bad_current_password", assertThrows(AccountException.class,
                () -> f.accounts.changePassword(a.id(), "wrong", "my-own-pass")).code());
        var s2 = f.sessions.open(a.id());
        Account changed = f.accounts.changePassword(a.id(), "reset-pass-1", "my-own-pass");
        assertFalse(changed.mustChangePassword());
        assertTrue(f.sessions.resolve(s2.token()).isEmpty());
        assertEquals(Outcome.BAD_CREDENTIALS, f.accounts.signIn("leader1", "reset-pass-1").outcome());
        assertEquals(Outcome.OK, f.accounts.signIn("leader1", "my-own-pass").outcome());
    }

    @Test
    void aSignInWithRaisedParametersStoresTheStrongerHash() {
        f.accounts.create(AccountFixture.draft("admin", Role.ADMIN), "admin-pass", false);
        String old = f.store.credentials("admin").orElseThrow().passwordHash();
        PasswordHasher raised = new PasswordHasher(128, 2, 1, 2);
        AccountFixture later = new AccountFixture(db.dataSource(), raised);
        assertEquals(Outcome.OK, later.accounts.signIn("admin", "admin-pass").outcome());
        String now = f.store.credentials("admin").orElseThrow().passwordHash();
        assertTrue(raised.needsRehash(old));
        assertFalse(raised.needsRehash(now), now);
        assertEquals(Outcome.OK, later.accounts.signIn("admin", "admin-pass").outcome());
    }
}
