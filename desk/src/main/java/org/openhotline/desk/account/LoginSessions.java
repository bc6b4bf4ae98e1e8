package org.openhotline.desk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.desk.store.Jdbc;

/**
 * Signed-in sessions in the database ({@code login_session}, V9), so they survive a restart and every node knows them.
 * The browser holds a random 256-bit id; only its SHA-256 is stored. A session ends after {@code idle} without a request,
 * {@code maxAge} after sign-in, on sign-out, and for all of a user's sessions when their password changes or they are disabled.
 */
public final class LoginSessions {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;
    private final Duration touchEvery;
    private final SecureRandom random = new SecureRandom();

    public LoginSessions(DataSource ds, Clock clock, Duration idle, Duration maxAge) {
        if (idle.isNegative() || idle.isZero() || maxAge.compareTo(idle) < 0) {
            throw new IllegalArgumentException("session idle time must be positive and at most the maximum age");
        }
        this.jdbc = new Jdbc(ds);
        this.clock = clock;
        this.idle = idle;
        this.maxAge = maxAge;
        Duration tenth = idle.dividedBy(10);
        this.touchEvery = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1); // idle is exact to within this
    }

    /** A new session: {@code token} goes into the cookie (never stored), {@code csrf} into the page. */
    public record Opened(String token, String csrf) {}

    /** A session that is still alive. */
    public record Active(long userId, String csrf) {}

    public Opened open(long userId) {
        Instant now = clock.instant();
        String token = randomId();
        String csrf = randomId();
        jdbc.update("sweep ended sessions", "DELETE FROM login_session WHERE expires_at < ? OR last_seen_at < ?",
                JdbcAccountStore.odt(now), JdbcAccountStore.odt(now.minus(idle)));
        jdbc.update("open a session", "INSERT INTO login_session (session_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                hash(token), userId, csrf, JdbcAccountStore.odt(now), JdbcAccountStore.odt(now), JdbcAccountStore.odt(now.plus(maxAge)));
        return new Opened(token, csrf);
    }

    /** The live session of {@code token} (its idle clock restarted), or empty when unknown, ended or expired (then deleted). */
    public Optional<Active> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        String key = hash(token);
        Instant now = clock.instant();
        return jdbc.tx("read a session", c -> {
            record Row(long user, String csrf, Instant seen, Instant expires) {}
            Optional<Row> found = Jdbc.query(c, "SELECT user_id, csrf_token, last_seen_at, expires_at FROM login_session WHERE session_hash = ?",
                    rs -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getObject(4, OffsetDateTime.class).toInstant()), key).stream().findFirst();
            if (found.isEmpty()) return Optional.<Active>empty();
            Row r = found.get();
            if (!now.isBefore(r.expires()) || !now.isBefore(r.seen().plus(idle))) {
                Jdbc.update(c, "DELETE FROM login_session WHERE session_hash = ?", key);
                return Optional.<Active>empty();
            }
            if (!now.isBefore(r.seen().plus(touchEvery))) {
                Jdbc.update(c, "UPDATE login_session SET last_seen_at = ? WHERE session_hash = ?", JdbcAccountStore.odt(now), key);
            }
            return Optional.of(new Active(r.user(), r.csrf()));
        });
    }

    /** Signs one session out (unknown tokens are ignored: signing out twice is fine). */
    public void revoke(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return;
        jdbc.update("end a session", "DELETE FROM login_session WHERE session_hash = ?", hash(token));
    }

    /** Signs a user out everywhere; the number of sessions ended. */
    public int revokeAll(long userId) {
        return jdbc.update("end a user's sessions", "DELETE FROM login_session WHERE user_id = ?", userId);
    }

    private String randomId() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
