package org.openhotline.server.telephony;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.desk.store.Jdbc;
import org.openhotline.telephony.sip.PhoneCredentials;

/**
 * Agents' SIP passwords in {@code sip_credential} (migration V14), as the digest hash HA1 only. A phone signs in with
 * the account's username; a disabled account's phone is refused like an unknown one.
 */
public final class JdbcPhoneCredentials implements PhoneCredentials {
    private final Jdbc jdbc;
    private final String realm;
    private final Clock clock;

    public JdbcPhoneCredentials(DataSource ds, String realm, Clock clock) {
        this.jdbc = new Jdbc(ds);
        this.realm = realm;
        this.clock = clock;
    }

    /** The realm new passwords are hashed in (telephony.realm). */
    public String realm() {
        return realm;
    }

    @Override
    public Optional<String> ha1(String user, String realm) {
        List<String> rows = jdbc.query("SIP credential of " + user, "SELECT c.ha1 FROM sip_credential c JOIN user_account a ON a.user_id = c.user_id"
                + " WHERE a.username = ? AND c.realm = ? AND a.disabled = FALSE", rs -> rs.getString(1), user, realm);
        return rows.stream().findFirst();
    }

    /** Sets (or replaces) the account's SIP password; only md5(username:realm:password) is written. */
    public void set(long userId, String username, String password) {
        String ha1 = md5(username + ":" + realm + ":" + password);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.tx("set SIP password of " + username, c -> {
            if (Jdbc.update(c, "UPDATE sip_credential SET realm = ?, ha1 = ?, updated_at = ? WHERE user_id = ?", realm, ha1, now, userId) == 0)
                Jdbc.update(c, "INSERT INTO sip_credential (user_id, realm, ha1, updated_at) VALUES (?, ?, ?, ?)", userId, realm, ha1, now);
            return null;
        });
    }

    /** Whether the account has a SIP password usable in the current realm. */
    public boolean isSet(long userId) {
        return !jdbc.query("SIP credential of user " + userId, "SELECT 1 FROM sip_credential WHERE user_id = ? AND realm = ?",
                rs -> 1, userId, realm).isEmpty();
    }

    /** Removes the account's SIP password: its phone can no longer register (bindings already made run out). */
    public boolean remove(long userId) {
        return jdbc.update("remove SIP password of user " + userId, "DELETE FROM sip_credential WHERE user_id = ?", userId) > 0;
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
