package org.openhotline.server.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Accounts;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * {@code /api/admin/users/{id}/sip-password}: the password an agent's softphone registers with, separate from the
 * sign-in password (a softphone keeps it in plain text in its settings). ADMIN only, like the rest of /api/admin/users
 * (AdminApiGate). GET says whether one is set, PUT {"password"} sets it (at least 8 characters), DELETE removes it.
 */
public final class SipPasswordAdmin {
    static final int MIN_LENGTH = 8;

    private final ObjectMapper json = new ObjectMapper();
    private final Accounts accounts;
    private final JdbcPhoneCredentials credentials;

    public SipPasswordAdmin(Accounts accounts, JdbcPhoneCredentials credentials) {
        this.accounts = accounts;
        this.credentials = credentials;
    }

    public void register(Javalin app) {
        app.get("/api/admin/users/{id}/sip-password", this::get);
        app.put("/api/admin/users/{id}/sip-password", this::put);
        app.delete("/api/admin/users/{id}/sip-password", this::delete);
    }

    private void get(Context ctx) {
        Account a = account(ctx);
        ctx.json(Map.of("set", credentials.isSet(a.id()), "realm", credentials.realm(), "user", a.username()));
    }

    private void put(Context ctx) {
        Account a = account(ctx);
        JsonNode b = JsonBody.object(json, ctx.body(), "{\"password\"}", List.of("password"));
        String password = JsonBody.text(b, "password");
        if (password.length() < MIN_LENGTH || password.isBlank())
            throw new BadRequest(400, "weak_password", "a SIP password needs at least " + MIN_LENGTH + " characters");
        if (password.length() > 128 || password.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))
            throw new BadRequest(400, "bad_password", "a SIP password is at most 128 characters without control characters");
        credentials.set(a.id(), a.username(), password);
        ctx.status(204);
    }

    private void delete(Context ctx) {
        Account a = account(ctx);
        if (!credentials.remove(a.id())) throw new BadRequest(404, "no_sip_password", a.username() + " has no SIP password");
        ctx.status(204);
    }

    private Account account(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad_id", "id must be a whole number");
        }
        return accounts.find(id).orElseThrow(() -> new BadRequest(404, "no_user", "no user with id " + id));
    }
}
