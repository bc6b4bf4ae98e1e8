package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.workflow.Actor;
import org.openhotline.kb.workflow.Change;
import org.openhotline.kb.workflow.EntryJson;
import org.openhotline.kb.workflow.Role;
import org.openhotline.kb.workflow.WorkflowException;

/**
 * What the editors' API reads from a request: the actor (the signed-in account; a script with the admin token names
 * one in the headers {@code X-Hotline-User} and {@code X-Hotline-Role: editor|reviewer}), strict JSON bodies, and JSON views.
 */
final class EditorRequest {
    static final String USER = "X-Hotline-User";
    static final String ROLE = "X-Hotline-Role";

    private EditorRequest() {}

    /** A signed-in EDITOR drafts; a REVIEWER (or ADMIN, who may both) also approves and publishes. */
    static Actor actor(Context ctx) {
        if (!org.openhotline.server.auth.AuthRoutes.byAdminToken(ctx)) {
            org.openhotline.desk.account.Account a = org.openhotline.server.auth.Gate.require(ctx,
                    org.openhotline.desk.account.Role.EDITOR, org.openhotline.desk.account.Role.REVIEWER);
            return new Actor(a.username(), a.has(org.openhotline.desk.account.Role.REVIEWER) ? Role.REVIEWER : Role.EDITOR);
        }
        String name = ctx.header(USER);
        if (name == null || name.isBlank()) throw new BadRequest(400, "missing_user", "say who you are in the " + USER + " header");
        try {
            return new Actor(name, Role.parse(ctx.header(ROLE)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_role", ROLE + ": " + e.getMessage());
        }
    }

    /** The body as an object with only {@code allowed} fields; an empty body is an empty object when {@code optional}. */
    static JsonNode body(ObjectMapper json, Context ctx, boolean optional, String... allowed) {
        String body = ctx.body();
        if (optional && (body == null || body.isBlank())) return json.createObjectNode();
        JsonNode node = JsonBody.object(json, body, String.join(", ", allowed));
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) throw new BadRequest(400, "unknown_field", "unknown field '" + (f.length() > 40 ? f.substring(0, 40) + "…" : f) + "'; allowed: " + String.join(", ", allowed));
        }
        return node;
    }

    /** A string field; null when absent or null; over {@code max} characters or not a string is a 400. */
    static String text(JsonNode node, String field, int max) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) return null;
        if (!f.isTextual()) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be a string");
        String s = f.asText().strip();
        if (s.length() > max) throw new BadRequest(400, field + "_too_long", "field '" + field + "' is longer than " + max + " characters");
        return s;
    }

    static String required(JsonNode node, String field, int max) {
        String s = text(node, field, max);
        if (s == null || s.isEmpty()) throw new BadRequest(400, "missing_" + field, "field '" + field + "' is required");
        return s;
    }

    /** An entry object in the import format (see {@link EntryJson}). */
    static Entry entry(ObjectMapper json, JsonNode node, String field) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) return null;
        if (!f.isObject()) throw new BadRequest(400, "bad_" + field, "field '" + field + "' must be an entry object");
        try {
            return EntryJson.read(json.writeValueAsString(f));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest(400, "bad_" + field, "field '" + field + "' is not an entry");
        }
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequest(400, "bad_" + name, name + " must be a whole number from " + min + " to " + max);
    }

    static int pathInt(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad_" + name, name + " must be a whole number");
        }
    }

    static Object entryJson(ObjectMapper json, Entry e) {
        if (e == null) return null;
        try {
            return json.readTree(EntryJson.write(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, Object> change(ObjectMapper json, Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("kind", c.kind().wireName());
        m.put("entryId", c.entryId());
        m.put("status", c.status().wireName());
        m.put("author", c.author());
        m.put("createdAt", c.createdAt().toString());
        m.put("reviewer", c.reviewer());
        m.put("reviewComment", c.reviewComment());
        m.put("reviewedAt", c.reviewedAt() == null ? null : c.reviewedAt().toString());
        m.put("version", c.version());
        m.put("before", entryJson(json, c.before()));
        m.put("after", entryJson(json, c.after()));
        return m;
    }

    /** The HTTP status of a broken workflow rule. */
    static int status(WorkflowException e) {
        return switch (e.reason()) {
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
    }

    static List<Object> entries(ObjectMapper json, List<Entry> entries) {
        return entries.stream().map(e -> entryJson(json, e)).toList();
    }
}
