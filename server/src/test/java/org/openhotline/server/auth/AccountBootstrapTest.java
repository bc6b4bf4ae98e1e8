package org.openhotline.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.Accounts.SignIn.Outcome;
import org.openhotline.desk.account.Role;
import org.openhotline.kb.store.Database;
import org.openhotline.server.config.HotlineConfig;

class AccountBootstrapTest {
    private final Database db = Database.open("jdbc:h2:mem:boot" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    private final HotlineConfig config = HotlineConfig.defaultsOnly().with("auth.argon2.memory-kib", "64").with("auth.argon2.iterations", "1");
    private final Accounts accounts = AuthServices.fromConfig(config, db.dataSource(), Clock.systemUTC()).accounts();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theDemoHasOneSignInPerRoleAndASecondStartKeepsThem() {
        List<AccountBootstrap.Sample> samples = AccountBootstrap.samples(accounts, AuthServices.configuredGroups(config));
        assertEquals(Set.of(Role.values()), samples.stream().flatMap(s -> s.roles().stream()).collect(Collectors.toSet()));
        for (AccountBootstrap.Sample s : samples) assertEquals(Outcome.OK, accounts.signIn(s.username(), s.password()).outcome(), s.username());
        assertEquals(List.of("12345", "公积金", "医保", "社保"), accounts.byUsername("agent1").orElseThrow().skillGroups());
        AccountBootstrap.firstAdmin(accounts, ""); // users exist: nothing happens
        assertEquals(samples.size(), AccountBootstrap.samples(accounts, List.of()).size());
        assertEquals(samples.size(), accounts.list().size());
    }

    @Test
    void productionStartsWithOneAdminWhosePasswordIsConfiguredOrMustBeChanged() {
        AccountBootstrap.firstAdmin(accounts, "chosen-admin-pass");
        var admin = accounts.signIn("admin", "chosen-admin-pass");
        assertEquals(Outcome.OK, admin.outcome());
        assertFalse(admin.account().mustChangePassword());
        assertEquals(Set.of(Role.ADMIN), admin.account().roles());

        Database other = Database.open("jdbc:h2:mem:boot" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 2);
        try {
            Accounts fresh = AuthServices.fromConfig(config, other.dataSource(), Clock.systemUTC()).accounts();
            AccountBootstrap.firstAdmin(fresh, "");
            assertTrue(fresh.byUsername("admin").orElseThrow().mustChangePassword(), "a generated password must be changed");
            assertEquals(1, fresh.list().size());
        } finally {
            other.close();
        }
    }
}
