package org.openhotline.server.telephony;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.Binding;
import org.openhotline.telephony.sip.PhoneCredentials;
import org.openhotline.telephony.sip.Registrar;
import org.openhotline.telephony.sip.RegistrarSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Agents' softphones registered to this node: where to ring an agent by username (for the phone book that picks
 * who takes a transfer), and {@code GET /api/admin/telephony/phones} for supervisors, group leaders and admins.
 */
public final class RegisteredPhones {
    private final Registrar registrar;
    private final Clock clock;

    RegisteredPhones(Registrar registrar, Clock clock) {
        this.registrar = registrar;
        this.clock = clock;
    }

    /** Turns the SIP agent's registrar on with the {@code telephony.*} phone settings. */
    static RegisteredPhones enable(SipUserAgent agent, PhoneCredentials credentials, HotlineConfig config) {
        agent.registrar().enable(credentials, settings(config));
        return new RegisteredPhones(agent.registrar(), Clock.systemUTC());
    }

    static RegistrarSettings settings(HotlineConfig config) {
        RegistrarSettings d = RegistrarSettings.defaults();
        return new RegistrarSettings(config.string("telephony.realm"), Duration.ofSeconds(config.integer("telephony.phone-min-expires-seconds")),
                Duration.ofSeconds(config.integer("telephony.phone-max-expires-seconds")), d.nonceLifetime(),
                config.integer("telephony.phone-lockout-failures"), Duration.ofSeconds(config.integer("telephony.phone-lockout-seconds")));
    }

    /** The SIP URI to dial the agent's registered phone at, if one is registered now. */
    public Optional<String> contactOf(String username) {
        return registrar.contact(username);
    }

    public Registrar registrar() {
        return registrar;
    }

    /** Registered under /api/admin (AdminApiGate: SUPERVISOR, GROUP_LEADER or ADMIN for /api/admin/telephony/). */
    public void adminRoutes(Javalin app) {
        app.get("/api/admin/telephony/phones", ctx -> {
            Instant now = clock.instant();
            var phones = registrar.bindings().stream().map(b -> json(b, now)).toList();
            ctx.json(Map.of("count", phones.size(), "phones", phones));
        });
    }

    private static Map<String, Object> json(Binding b, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", b.user());
        m.put("contact", b.dialUri());
        m.put("transport", b.transport());
        m.put("received", b.received());
        m.put("expiresInSeconds", b.expiresIn(now));
        m.put("userAgent", b.userAgent());
        return m;
    }
}
