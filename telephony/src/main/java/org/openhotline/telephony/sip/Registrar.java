package org.openhotline.telephony.sip;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar agents' softphones register to (RFC 3261 10.3), so a transfer can ring "agent1" wherever that agent's
 * phone is today. Off until {@link #enable} is given the credentials: REGISTER is then answered 403. Bindings live in
 * memory on this node (a phone re-registers within its interval after a restart) and are swept once a second. A user
 * keeps at most {@link #MAX_BINDINGS_PER_USER} phones: a new one beyond that replaces the one expiring soonest (a phone
 * whose NAT port keeps changing, or one registering many contacts, must not grow memory without limit).
 */
public final class Registrar {
    private static final Logger log = LoggerFactory.getLogger(Registrar.class);
    /** Phones one user may have registered at once; also the most Contacts one REGISTER may carry. */
    static final int MAX_BINDINGS_PER_USER = 10;

    /** What an enabled registrar checks with; null while off. */
    record On(PhoneCredentials credentials, RegistrarSettings settings, DigestAuth digest, FailureLockout lockout) {}

    private final SipUserAgent ua;
    private final Clock clock;
    private final Map<String, Map<String, Binding>> byUser = new ConcurrentHashMap<>();
    private final List<RegistrationListener> listeners = new CopyOnWriteArrayList<>();
    private final RegisterHandler handler;
    private volatile On on;
    private ScheduledFuture<?> sweeper;

    Registrar(SipUserAgent ua, Clock clock) {
        this.ua = ua;
        this.clock = clock;
        this.handler = new RegisterHandler(this, ua.messages());
    }

    /** Turns the registrar on (or changes its settings); phones registered so far stay. */
    public synchronized void enable(PhoneCredentials credentials, RegistrarSettings settings) {
        on = new On(credentials, settings, new DigestAuth(clock), new FailureLockout(clock, settings.maxFailures(), settings.lockout().toMillis()));
        if (sweeper == null) sweeper = ua.timers().scheduleAtFixedRate(this::sweep, 1, 1, TimeUnit.SECONDS);
        log.info("SIP registrar on for agents' phones (realm {}, {}-{} s)", settings.realm(), settings.minExpires().toSeconds(),
                settings.maxExpires().toSeconds());
    }

    public boolean enabled() {
        return on != null;
    }

    public void addListener(RegistrationListener l) {
        listeners.add(l);
    }

    /** The SIP URI to dial the user's phone at: the binding registered last, if any is current. */
    public Optional<String> contact(String user) {
        return current(user).stream().max(Comparator.comparing(Binding::expiresAt)).map(Binding::dialUri);
    }

    /** Every current binding, by user then contact. */
    public List<Binding> bindings() {
        List<Binding> out = new ArrayList<>();
        for (String user : byUser.keySet().stream().sorted().toList()) out.addAll(current(user));
        return out;
    }

    /** The user's current bindings (not yet expired). */
    public List<Binding> current(String user) {
        Map<String, Binding> m = byUser.get(user);
        if (m == null) return List.of();
        Instant now = clock.instant();
        synchronized (m) {
            return m.values().stream().filter(b -> b.expiresAt().isAfter(now)).toList();
        }
    }

    On on() {
        return on;
    }

    Clock clock() {
        return clock;
    }

    void register(ServerTransaction st, Request req) throws Exception {
        handler.handle(st, req);
    }

    /** Adds or refreshes a binding; tells the listeners about a new one. */
    void put(Binding b) {
        Map<String, Binding> m = byUser.computeIfAbsent(b.user(), u -> new LinkedHashMap<>());
        Binding before;
        Binding replaced = null;
        synchronized (m) {
            if (!m.containsKey(b.contact()) && m.size() >= MAX_BINDINGS_PER_USER) {
                replaced = m.values().stream().min(Comparator.comparing(Binding::expiresAt)).orElseThrow();
                m.remove(replaced.contact());
            }
            before = m.put(b.contact(), b);
        }
        if (replaced != null) ended(replaced, "replaced");
        if (before == null || !before.expiresAt().isAfter(clock.instant())) {
            log.info("{} registered a phone over {}{}", b.user(), b.transport(), b.received() == null ? "" : " (behind NAT)");
            tell(l -> l.registered(b));
        }
    }

    Binding get(String user, String contact) {
        Map<String, Binding> m = byUser.get(user);
        if (m == null) return null;
        synchronized (m) {
            return m.get(contact);
        }
    }

    void remove(String user, String contact, String why) {
        Map<String, Binding> m = byUser.get(user);
        if (m == null) return;
        Binding gone;
        synchronized (m) {
            gone = m.remove(contact);
        }
        if (gone != null) ended(gone, why);
    }

    void removeAll(String user, String why) {
        Map<String, Binding> m = byUser.get(user);
        if (m == null) return;
        List<Binding> gone;
        synchronized (m) {
            gone = new ArrayList<>(m.values());
            m.clear();
        }
        gone.forEach(b -> ended(b, why));
    }

    private void ended(Binding b, String why) {
        log.info("{}'s phone {} ({})", b.user(), why, b.transport());
        tell(l -> l.unregistered(b, why));
    }

    private void tell(java.util.function.Consumer<RegistrationListener> event) {
        for (RegistrationListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("registration listener failed: {}", e.toString());
            }
        }
    }

    /** Drops expired bindings, telling the listeners (a user's empty map stays: only authenticated users get one). */
    void sweep() {
        try {
            Instant now = clock.instant();
            for (var e : byUser.entrySet()) {
                List<Binding> gone = new ArrayList<>();
                Map<String, Binding> m = e.getValue();
                synchronized (m) {
                    m.values().removeIf(b -> {
                        boolean expired = !b.expiresAt().isAfter(now);
                        if (expired) gone.add(b);
                        return expired;
                    });
                }
                gone.forEach(b -> ended(b, "expired"));
            }
        } catch (RuntimeException e) {
            log.warn("sweeping phone registrations failed: {}", e.toString()); // the next sweep tries again
        }
    }
}
