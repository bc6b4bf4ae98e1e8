package org.openhotline.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import org.openhotline.kb.lexicon.DictionaryCodec;
import org.openhotline.kb.lexicon.DictionaryEntry;
import org.openhotline.kb.lexicon.DictionaryKind;
import org.openhotline.kb.lexicon.InvalidDictionaryEntry;

/**
 * {@code /api/admin/dictionaries/{kind}}: editors list, add and remove custom words, synonym groups, stopwords,
 * typos and places. Edits change the working set only; they reach citizens when the dictionaries are published.
 */
final class DictionaryAdminController {
    static final int MAX_QUERY = 50;

    private final ObjectMapper json;
    private final DictionaryAdmin admin;
    private final DictionaryCodec codec = new DictionaryCodec();

    DictionaryAdminController(ObjectMapper json, DictionaryAdmin admin) {
        this.json = json;
        this.admin = admin;
    }

    void list(Context ctx) {
        DictionaryKind kind = kind(ctx.pathParam("kind"));
        String q = ctx.queryParam("q");
        if (q != null && q.strip().codePointCount(0, q.strip().length()) > MAX_QUERY) {
            throw new BadRequest(400, "bad_q", "'q' is longer than " + MAX_QUERY + " characters");
        }
        List<DictionaryEntry> entries = admin.dictionaries().entries(kind, q);
        ctx.json(HttpServer.map("kind", kind.wireName(), "count", entries.size(), "entries", entries.stream().map(codec::toJson).toList()));
    }

    void add(Context ctx) {
        DictionaryKind kind = kind(ctx.pathParam("kind"));
        DictionaryEntry entry;
        try {
            entry = codec.fromJson(kind, JsonBody.object(json, ctx.body(), "a JSON object with " + String.join(", ", DictionaryCodec.fields(kind))));
        } catch (InvalidDictionaryEntry e) {
            throw new BadRequest(400, e.code(), e.getMessage());
        }
        DictionaryEntry stored = admin.dictionaries().add(entry).orElseThrow(() -> new BadRequest(409, "duplicate",
                "the " + kind.wireName() + " dictionary already has '" + entry.term() + "'" + (entry.parent().isEmpty() ? "" : " under '" + entry.parent() + "'")));
        ctx.status(201).json(codec.toJson(stored));
    }

    void remove(Context ctx) {
        DictionaryKind kind = kind(ctx.pathParam("kind"));
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad_id", "the id must be a whole number, as listed by GET /api/admin/dictionaries/" + kind.wireName());
        }
        if (!admin.dictionaries().remove(kind, id)) throw new BadRequest(404, "not_found", "the " + kind.wireName() + " dictionary has no entry " + id);
        ctx.status(204);
    }

    static DictionaryKind kind(String name) {
        try {
            return DictionaryKind.fromWire(name);
        } catch (IllegalArgumentException e) {
            String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            throw new BadRequest(400, "unknown_kind", "unknown dictionary '" + shown + "'; known: " + DictionaryKind.NAMES);
        }
    }
}
