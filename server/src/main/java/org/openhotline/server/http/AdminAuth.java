package org.openhotline.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The admin API's gate: a bearer token compared in constant time, so its length and prefix cannot be probed by timing. */
public final class AdminAuth {
    private final byte[] token;

    public AdminAuth(String token) {
        this.token = sha256(token);
    }

    /** Both sides hashed first, so the comparison also takes the same time whatever the given token's length. */
    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void check(Context ctx) {
        String h = ctx.header("Authorization");
        String given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : "";
        if (!MessageDigest.isEqual(token, sha256(given))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new BadRequest(401, "unauthorized", "the admin API needs the header Authorization: Bearer <server.admin-token>"
                    + " or a signed-in account");
        }
    }
}
