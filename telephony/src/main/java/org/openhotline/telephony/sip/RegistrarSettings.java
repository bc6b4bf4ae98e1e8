package org.openhotline.telephony.sip;

import java.time.Duration;

/**
 * How the registrar treats agents' phones.
 *
 * @param realm         digest realm; part of the stored HA1, so changing it invalidates every SIP password
 * @param minExpires    shorter registrations are answered 423 Interval Too Brief (RFC 3261 10.3 step 7)
 * @param maxExpires    longer ones are granted this much
 * @param nonceLifetime a digest answer on an older nonce is challenged again with stale=true (phones retry silently)
 * @param maxFailures   wrong passwords in a row from one user and address before that pair is locked out
 * @param lockout       how long a lock-out lasts
 */
public record RegistrarSettings(String realm, Duration minExpires, Duration maxExpires, Duration nonceLifetime,
                                int maxFailures, Duration lockout) {

    public RegistrarSettings {
        if (realm == null || realm.isBlank() || realm.contains("\"")) throw new IllegalArgumentException("telephony.realm must be a plain word: " + realm);
        if (minExpires.isNegative() || minExpires.isZero() || maxExpires.compareTo(minExpires) < 0)
            throw new IllegalArgumentException("phone registrations need 0 < min-expires <= max-expires");
        if (maxFailures < 1) throw new IllegalArgumentException("phone lock-out needs at least one failure");
    }

    /** Realm "openhotline", 60 s to 1 hour, five-minute nonces, five failures lock out for five minutes. */
    public static RegistrarSettings defaults() {
        return new RegistrarSettings("openhotline", Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(5), 5, Duration.ofMinutes(5));
    }

    public RegistrarSettings withExpires(Duration min, Duration max) {
        return new RegistrarSettings(realm, min, max, nonceLifetime, maxFailures, lockout);
    }

    public RegistrarSettings withNonceLifetime(Duration d) {
        return new RegistrarSettings(realm, minExpires, maxExpires, d, maxFailures, lockout);
    }
}
