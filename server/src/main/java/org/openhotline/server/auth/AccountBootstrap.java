package org.openhotline.server.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts a start needs. Production: on a database without users, {@code admin} with the configured password, or a
 * random one logged once that must be changed at first sign-in. The demo ({@code auth.sample-accounts}): one sample
 * account per role with known passwords, for trying each console.
 */
public final class AccountBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String ADMIN = "admin";

    /** A sample account and its password, for the demo's start-up banner. */
    public record Sample(String username, String password, Set<Role> roles) {}

    private AccountBootstrap() {}

    /** The first admin when there are no users yet; empty {@code password}: a random one, logged once, to be changed. */
    public static void firstAdmin(Accounts accounts, String password) {
        if (!accounts.isEmpty()) return;
        boolean generated = password == null || password.isBlank();
        String pw = generated ? randomPassword() : password;
        accounts.create(new AccountDraft(ADMIN, "管理员", Set.of(Role.ADMIN), List.of(), 0, false), pw, generated);
        if (generated) {
            log.warn("first start: created the user 'admin' with the one-time password {} (shown only now; it must be changed at first"
                    + " sign-in; set HOTLINE_ADMIN_PASSWORD to choose it)", pw);
        } else {
            log.info("first start: created the user 'admin' with the password from auth.admin-password");
        }
    }

    /** SAMPLE ONLY: creates the demo's accounts that are missing (existing ones keep their password) and lists them. */
    public static List<Sample> samples(Accounts accounts, List<String> groups) {
        List<Sample> out = new ArrayList<>();
        sample(accounts, out, "agent1", "坐席一号", groups, Role.AGENT);
        sample(accounts, out, "agent2", "坐席二号", groups.isEmpty() ? groups : groups.subList(0, 1), Role.AGENT);
        sample(accounts, out, "leader1", "班组长", groups, Role.AGENT, Role.GROUP_LEADER);
        sample(accounts, out, "editor1", "知识编辑", List.of(), Role.EDITOR);
        sample(accounts, out, "reviewer1", "审核人", List.of(), Role.REVIEWER);
        sample(accounts, out, "supervisor1", "质检主管", List.of(), Role.SUPERVISOR);
        sample(accounts, out, ADMIN, "管理员", List.of(), Role.ADMIN);
        return out;
    }

    private static void sample(Accounts accounts, List<Sample> out, String username, String name, List<String> groups, Role... roles) {
        String password = "demo-" + username + "-2026";
        if (accounts.byUsername(username).isEmpty()) {
            accounts.create(new AccountDraft(username, name, Set.of(roles), groups, 3, false), password, false);
        }
        out.add(new Sample(username, password, Set.of(roles)));
    }

    private static String randomPassword() {
        final String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }
}
