package org.openhotline.telephony.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AgentPhones} from configuration ({@code telephony.agents.<group>: [sip:1001@10.0.0.5:5060, …]}): each
 * call goes to the phone of the group that has been free longest; a phone with a call is busy until released.
 * Group "*" is the fallback for groups without phones of their own.
 */
public final class ConfiguredAgentPhones implements AgentPhones {
    private final Map<String, List<String>> phones;
    private final Map<String, String> leaders;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> freedAt = new ConcurrentHashMap<>();

    public ConfiguredAgentPhones(Map<String, List<String>> phonesByGroup, Map<String, String> leaderByGroup) {
        this.phones = Map.copyOf(phonesByGroup);
        this.leaders = Map.copyOf(leaderByGroup);
    }

    @Override
    public synchronized Optional<AgentPhone> reserve(String group) {
        List<String> candidates = new ArrayList<>(phones.getOrDefault(group, phones.getOrDefault("*", List.of())));
        candidates.removeIf(busy::contains);
        candidates.sort((a, b) -> Long.compare(freedAt.getOrDefault(a, 0L), freedAt.getOrDefault(b, 0L)));
        if (candidates.isEmpty()) return Optional.empty();
        String uri = candidates.getFirst();
        busy.add(uri);
        return Optional.of(new AgentPhone(uri, uri));
    }

    @Override
    public synchronized void release(AgentPhone phone) {
        busy.remove(phone.sipUri());
        freedAt.put(phone.sipUri(), System.nanoTime());
    }

    @Override
    public Optional<AgentPhone> leader(String group) {
        String uri = leaders.getOrDefault(group, leaders.get("*"));
        return uri == null ? Optional.empty() : Optional.of(new AgentPhone("leader:" + uri, uri));
    }
}
