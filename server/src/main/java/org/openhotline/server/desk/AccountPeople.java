package org.openhotline.server.desk;

import java.util.List;
import java.util.Optional;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.Role;

/** {@link People} over desk-auth's account store: agent ids are account ids as strings. */
public final class AccountPeople implements People {
    private final Accounts accounts;

    public AccountPeople(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Account> find(String agentId) {
        try {
            return agentId == null ? Optional.empty() : accounts.find(Long.parseLong(agentId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Account> agents() {
        return accounts.list().stream().filter(a -> !a.disabled() && a.has(Role.AGENT, Role.GROUP_LEADER)).toList();
    }
}
