package org.openhotline.server.desk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.JdbcAccountStore;
import org.openhotline.desk.account.Role;

/**
 * {@link People} over desk-auth's account table, read only: agent ids are account ids as strings. Every chat message
 * names its author, so accounts are kept for {@link #TTL} (a renamed or disabled agent shows within that time).
 */
public final class AccountPeople implements People {
    static final Duration TTL = Duration.ofSeconds(30);
    private final JdbcAccountStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AccountPeople(JdbcAccountStore store) {
        this.store = store;
    }

    private record Cached(Optional<Account> account, long until) {}

    @Override
    public Optional<Account> find(String agentId) {
        if (agentId == null) return Optional.empty();
        long now = System.nanoTime();
        Cached c = cache.get(agentId);
        if (c != null && now < c.until()) return c.account();
        Optional<Account> a;
        try {
            a = store.find(Long.parseLong(agentId));
        } catch (NumberFormatException e) {
            a = Optional.empty();
        }
        if (cache.size() > 10_000) cache.clear();
        cache.put(agentId, new Cached(a, now + TTL.toNanos()));
        return a;
    }

    @Override
    public List<Account> agents() {
        return store.list().stream().filter(a -> !a.disabled() && a.has(Role.AGENT, Role.GROUP_LEADER)).toList();
    }
}
