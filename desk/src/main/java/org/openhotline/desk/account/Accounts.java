package org.openhotline.desk.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules around accounts: sign-in with brute-force protection ({@code lockoutFailures} wrong passwords in a row
 * lock the account for {@code lockout}), a stronger hash stored at sign-in when the parameters were raised, password
 * rules, and signing a user out everywhere when their password changes or they are disabled.
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final JdbcAccountStore store;
    private final PasswordHasher hasher;
    private final LoginSessions sessions;
    private final Clock clock;
    private final Policy policy;

    /** Sign-in and password rules (from the {@code auth.*} configuration). */
    public record Policy(int lockoutFailures, Duration lockout, int minPasswordLength) {
        public Policy {
            if (lockoutFailures < 1 || lockout.isNegative() || minPasswordLength < 8) {
                throw new IllegalArgumentException("auth: lockout-failures ≥ 1, lockout-minutes ≥ 0, password-min-length ≥ 8");
            }
        }
    }

    /** The outcome of a sign-in: {@code account} only when OK, {@code lockedUntil} only when LOCKED. */
    public record SignIn(Outcome outcome, Account account, Instant lockedUntil) {
        public enum Outcome { OK, BAD_CREDENTIALS, LOCKED }
    }

    public Accounts(JdbcAccountStore store, PasswordHasher hasher, LoginSessions sessions, Clock clock, Policy policy) {
        this.store = store;
        this.hasher = hasher;
        this.sessions = sessions;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Checks a username and password. Unknown and disabled users get BAD_CREDENTIALS after the same hashing work as a
     * real check, so neither the answer nor its timing tells which usernames exist; a locked account is not checked at all.
     */
    public SignIn signIn(String username, String password) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        String pw = password == null ? "" : password;
        Optional<JdbcAccountStore.Credentials> found = name.isEmpty() || name.length() > 64 ? Optional.empty() : store.credentials(name);
        if (found.isEmpty()) {
            hasher.verify(pw, null);
            return new SignIn(SignIn.Outcome.BAD_CREDENTIALS, null, null);
        }
        JdbcAccountStore.Credentials cred = found.get();
        Account a = cred.account();
        if (cred.lockedUntil() != null && now.isBefore(cred.lockedUntil())) return new SignIn(SignIn.Outcome.LOCKED, null, cred.lockedUntil());
        if (!hasher.verify(pw, cred.passwordHash())) {
            int failures = store.recordFailure(a.id());
            if (failures >= policy.lockoutFailures()) {
                Instant until = now.plus(policy.lockout());
                store.lock(a.id(), until);
                log.warn("user {} locked until {} after {} failed sign-ins", a.username(), until, failures);
                return new SignIn(SignIn.Outcome.LOCKED, null, until);
            }
            return new SignIn(SignIn.Outcome.BAD_CREDENTIALS, null, null);
        }
        if (a.disabled()) return new SignIn(SignIn.Outcome.BAD_CREDENTIALS, null, null);
        store.clearFailures(a.id());
        if (hasher.needsRehash(cred.passwordHash())) {
            store.rehash(a.id(), hasher.hash(pw));
            log.info("user {}: password rehashed with the current parameters", a.username());
        }
        return new SignIn(SignIn.Outcome.OK, a, null);
    }

    public Account create(AccountDraft draft, String password, boolean mustChangePassword) {
        checkPassword(password);
        Account a = store.insert(draft, hasher.hash(password), mustChangePassword, clock.instant());
        log.info("user {} created with roles {}", a.username(), a.roles());
        return a;
    }

    /** Changes everything but the username and password; disabling signs the user out everywhere. */
    public Account update(long id, AccountDraft draft) {
        Account before = find(id).orElseThrow(() -> AccountException.notFound(id));
        if (!before.username().equals(draft.username())) {
            throw AccountException.invalid("username_fixed", "a username cannot be changed; create a new user instead");
        }
        Account after = store.update(id, draft, clock.instant());
        if (after.disabled() || !after.roles().equals(before.roles())) sessions.revokeAll(id); // new rights apply from the next sign-in
        log.info("user {} updated: roles {}, groups {}, max chats {}, disabled {}", after.username(), after.roles(), after.skillGroups(),
                after.maxChats(), after.disabled());
        return after;
    }

    /** An admin sets a new password: the user must change it at their next sign-in and is signed out everywhere. */
    public void resetPassword(long id, String password) {
        checkPassword(password);
        store.setPassword(id, hasher.hash(password), true, clock.instant());
        sessions.revokeAll(id);
        log.info("user {}: password reset by an admin", id);
    }

    /** The user changes their own password (the current one proves it is them); all their sessions end. */
    public Account changePassword(long id, String current, String next) {
        Account a = find(id).orElseThrow(() -> AccountException.notFound(id));
        String hash = store.credentials(a.username()).map(JdbcAccountStore.Credentials::passwordHash).orElse(null);
        if (!hasher.verify(current == null ? "" : current, hash)) {
            throw AccountException.invalid("bad_current_password", "the current password is wrong");
        }
        if (next != null && next.equals(current)) throw AccountException.invalid("same_password", "choose a password different from the current one");
        checkPassword(next);
        store.setPassword(id, hasher.hash(next), false, clock.instant());
        sessions.revokeAll(id);
        log.info("user {} changed their password", a.username());
        return find(id).orElseThrow();
    }

    public Optional<Account> find(long id) {
        return store.find(id);
    }

    public List<Account> list() {
        return store.list();
    }

    /** True before the first account exists (the first start creates the admin). */
    public boolean isEmpty() {
        return store.count() == 0;
    }

    public Optional<Account> byUsername(String username) {
        return store.credentials(username).map(JdbcAccountStore.Credentials::account);
    }

    private void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < policy.minPasswordLength()) {
            throw AccountException.invalid("weak_password", "a password needs at least " + policy.minPasswordLength() + " characters");
        }
        if (password.length() > 200) throw AccountException.invalid("bad_password", "a password is at most 200 characters");
        if (password.isBlank()) throw AccountException.invalid("weak_password", "a password cannot be only spaces");
    }
}
