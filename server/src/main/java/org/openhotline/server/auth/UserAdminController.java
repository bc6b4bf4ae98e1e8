package org.openhotline.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.AccountDraft;
import org.openhotline.desk.account.Accounts;
import org.openhotline.desk.account.Role;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * {@code /api/admin/users} for the admin page and scripts (ADMIN or the admin token, checked by {@link AdminApiGate}).
 * It refuses any change that would leave no enabled admin, so the bureau cannot lock itself out.
 */
final class UserAdminController {
    private static final List<String> CREATE = List.of("username", "displayName", "password", "roles", "skillGroups", "maxChats",
            "mustChangePassword");
    private static final List<String> UPDATE = List.of("displayName", "roles", "skillGroups", "maxChats", "disabled");
    private static final int DEFAULT_MAX_CHATS = 3;

    private final ObjectMapper json;
    private final Accounts accounts;

    UserAdminController(ObjectMapper json, Accounts accounts) {
        this.json = json;
        this.accounts = accounts;
    }

    void list(Context ctx) {
        ctx.json(java.util.Map.of("users", accounts.list().stream().map(AccountJson::of).toList()));
    }

    void create(Context ctx) {
        JsonNode b = JsonBody.object(json, ctx.body(), "{\"username\",\"password\",\"roles\"…}", CREATE);
        AccountDraft d = new AccountDraft(JsonBody.text(b, "username"), JsonBody.text(b, "displayName", null), roles(b),
                strings(b, "skillGroups"), integer(b, "maxChats", DEFAULT_MAX_CHATS), false);
        Account a = accounts.create(d, JsonBody.text(b, "password"), bool(b, "mustChangePassword", true));
        ctx.status(201).json(AccountJson.of(a));
    }

    /** Fields not sent keep their value. */
    void update(Context ctx) {
        long id = id(ctx);
        Account before = accounts.find(id).orElseThrow(() -> new BadRequest(404, "no_user", "no user with id " + id));
        JsonNode b = JsonBody.object(json, ctx.body(), "the fields to change", UPDATE);
        AccountDraft d = new AccountDraft(before.username(), JsonBody.text(b, "displayName", before.displayName()),
                b.hasNonNull("roles") ? roles(b) : before.roles(), b.hasNonNull("skillGroups") ? strings(b, "skillGroups") : before.skillGroups(),
                integer(b, "maxChats", before.maxChats()), bool(b, "disabled", before.disabled()));
        keepAnAdmin(before, d);
        ctx.json(AccountJson.of(accounts.update(id, d)));
    }

    void resetPassword(Context ctx) {
        long id = id(ctx);
        JsonNode b = JsonBody.object(json, ctx.body(), "{\"password\"}", List.of("password"));
        accounts.find(id).orElseThrow(() -> new BadRequest(404, "no_user", "no user with id " + id));
        accounts.resetPassword(id, JsonBody.text(b, "password"));
        ctx.status(204);
    }

    private void keepAnAdmin(Account before, AccountDraft after) {
        boolean stillAdmin = after.roles().contains(Role.ADMIN) && !after.disabled();
        if (stillAdmin || !before.roles().contains(Role.ADMIN) || before.disabled()) return;
        boolean another = accounts.list().stream().anyMatch(a -> a.id() != before.id() && a.roles().contains(Role.ADMIN) && !a.disabled());
        if (!another) throw new BadRequest(409, "last_admin", "this is the only enabled admin; make another user admin first");
    }

    private static Set<Role> roles(JsonNode b) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        try {
            for (String s : strings(b, "roles")) out.add(Role.parse(s));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_roles", e.getMessage());
        }
        return out;
    }

    private static List<String> strings(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray() || n.size() > 100) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be a list of at most 100 strings");
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be a list of strings");
            out.add(e.asText());
        }
        return out;
    }

    private static int integer(JsonNode b, String field, int absent) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) return absent;
        if (!n.canConvertToInt() || !n.isIntegralNumber()) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be a whole number");
        return n.asInt();
    }

    private static boolean bool(JsonNode b, String field, boolean absent) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) return absent;
        if (!n.isBoolean()) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be true or false");
        return n.asBoolean();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad_id", "id must be a whole number");
        }
    }
}
