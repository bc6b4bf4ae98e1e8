package org.openhotline.server.auth;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.JdbcAccountStore;
import org.openhotline.desk.account.LoginSessions;
import org.openhotline.desk.account.PasswordHasher;
import org.openhotline.server.config.HotlineConfig;

/** Accounts and sessions wired from the {@code auth.*} settings, plus what the HTTP layer needs to know about cookies. */
public record AuthServices(Accounts accounts, LoginSessions sessions, boolean secureCookie) {

    public static AuthServices fromConfig(HotlineConfig config, DataSource ds, Clock clock) {
        PasswordHasher hasher = new PasswordHasher(config.integer("auth.argon2.memory-kib"), config.integer("auth.argon2.iterations"),
                config.integer("auth.argon2.parallelism"), config.integer("auth.argon2.concurrency"));
        LoginSessions sessions = new LoginSessions(ds, clock, Duration.ofMinutes(config.integer("auth.idle-minutes")),
                Duration.ofHours(config.integer("auth.max-hours")));
        Accounts accounts = new Accounts(new JdbcAccountStore(ds), hasher, sessions, clock, new Accounts.Policy(
                config.integer("auth.lockout-failures"), Duration.ofMinutes(config.integer("auth.lockout-minutes")),
                config.integer("auth.password-min-length")));
        return new AuthServices(accounts, sessions, config.bool("auth.secure-cookie"));
    }

    /** The skill-group codes the configuration routes to ({@code bot.skill-groups} targets, then the default group). */
    public static java.util.List<String> configuredGroups(HotlineConfig config) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (String item : config.list("bot.skill-groups")) {
            int eq = item.indexOf('=');
            if (eq >= 0 && !item.substring(eq + 1).isBlank()) out.add(item.substring(eq + 1).strip());
        }
        if (!config.string("bot.default-skill-group").isBlank()) out.add(config.string("bot.default-skill-group").strip());
        return java.util.List.copyOf(out);
    }
}
