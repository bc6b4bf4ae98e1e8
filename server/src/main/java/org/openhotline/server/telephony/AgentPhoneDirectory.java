package org.openhotline.server.telephony;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openhotline.desk.presence.PhoneReach;
import org.openhotline.server.config.ConfigException;
import org.openhotline.telephony.bridge.AgentPhoneBook;

/**
 * Which SIP URI rings an agent: the softphone registered under their user name, else the phone configured for
 * them in {@code telephony.agent-phones} ("agent1=sip:1001@10.0.0.21:5060"). The desk asks it whom it may offer calls
 * to ({@link PhoneReach}), the phone queue whom to ring ({@link AgentPhoneBook}). Agent ids are account ids.
 */
public final class AgentPhoneDirectory implements PhoneReach, AgentPhoneBook {
    private final Function<String, Optional<String>> usernameOf;
    private final Function<String, Optional<String>> agentOf;
    private final Map<String, String> configured;
    private volatile Function<String, Optional<String>> registered;
    private volatile Predicate<String> busy = agentId -> false;

    /**
     * @param usernameOf agent (account) id → user name
     * @param configured user name → SIP URI, from the settings
     * @param registered user name → the contact of a softphone registered now (the registrar)
     */
    public AgentPhoneDirectory(Function<String, Optional<String>> usernameOf, Map<String, String> configured,
                               Function<String, Optional<String>> registered) {
        this(usernameOf, u -> Optional.empty(), configured, registered);
    }

    /** @param agentOf user name → agent (account) id, for the phones' transfer key ({@link #agentOf}) */
    public AgentPhoneDirectory(Function<String, Optional<String>> usernameOf, Function<String, Optional<String>> agentOf,
                               Map<String, String> configured, Function<String, Optional<String>> registered) {
        this.usernameOf = usernameOf;
        this.agentOf = agentOf;
        this.configured = Map.copyOf(configured);
        this.registered = registered;
    }

    /**
     * Plugs in the registrar once the SIP agent runs (it starts after the desk, which needs this directory first):
     * user name → the contact of the softphone registered now.
     */
    public void registered(Function<String, Optional<String>> contacts) {
        this.registered = contacts;
    }

    /**
     * Plugs in what else may hold an agent's phone besides the desk's own calls (a click-to-dial call back): while it
     * does, the agent is not reachable and the desk offers queued calls to others.
     */
    public void busy(Predicate<String> onOtherCall) {
        this.busy = onOtherCall;
    }

    /** Nobody has a phone (telephony off). */
    public static AgentPhoneDirectory none() {
        return new AgentPhoneDirectory(id -> Optional.empty(), Map.of(), u -> Optional.empty());
    }

    @Override
    public Optional<String> uriOf(String agentId) {
        Optional<String> user = usernameOf.apply(agentId);
        if (user.isEmpty()) return Optional.empty();
        return registered.apply(user.get()).or(() -> Optional.ofNullable(configured.get(user.get())));
    }

    @Override
    public Optional<String> agentOf(String username) {
        return username == null || username.isBlank() ? Optional.empty() : agentOf.apply(username);
    }

    @Override
    public boolean reachable(String agentId) {
        return uriOf(agentId).isPresent() && !busy.test(agentId);
    }

    /** {@code telephony.agent-phones} items "username=sip:uri" → the map; a malformed item stops the start naming it. */
    public static Map<String, String> parse(List<String> items) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            String uri = eq <= 0 ? "" : item.substring(eq + 1).strip();
            if (!uri.startsWith("sip:")) throw new ConfigException("'telephony.agent-phones' items are username=sip:uri, not '" + item + "'");
            m.put(item.substring(0, eq).strip(), uri);
        }
        return m;
    }
}
