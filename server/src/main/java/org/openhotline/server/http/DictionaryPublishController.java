package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.openhotline.kb.lexicon.DictionaryPublisher;
import org.openhotline.kb.store.KbVersion;

/**
 * {@code /api/admin/dictionaries} and {@code .../publish}: what the working set holds against what is published,
 * and publishing it as a new knowledge-base version (same entries), which every node then re-indexes.
 */
final class DictionaryPublishController {
    static final int MAX_NOTE = 200;
    static final String DEFAULT_NOTE = "dictionaries published";

    private final ObjectMapper json;
    private final DictionaryAdmin admin;

    DictionaryPublishController(ObjectMapper json, DictionaryAdmin admin) {
        this.json = json;
        this.admin = admin;
    }

    void summary(Context ctx) {
        DictionaryPublisher.Status s = admin.publisher().status();
        List<Map<String, Object>> kinds = s.counts().entrySet().stream()
                .map(e -> HttpServer.map("kind", e.getKey().wireName(), "count", e.getValue())).toList();
        KbVersion v = s.published();
        ctx.json(HttpServer.map("kinds", kinds,
                "draft", HttpServer.map("revision", s.draftRevision(), "snapshot", s.draftSnapshot()),
                "published", v == null ? null : HttpServer.map("version", v.number(), "snapshot", s.publishedSnapshot()),
                "unpublishedChanges", s.unpublishedChanges()));
    }

    void publish(Context ctx) {
        String note = note(ctx.body());
        KbVersion v;
        try {
            v = admin.publisher().publish(note).orElseThrow(() -> new BadRequest(409, "unchanged",
                    "the dictionaries are those of the current version already; edit them first"));
        } catch (IllegalStateException e) {
            throw new BadRequest(409, "no_version", e.getMessage());
        }
        ctx.status(201).json(HttpServer.map("version", v.number(), "snapshot", v.dictionarySnapshot(), "entries", v.entryCount()));
    }

    /** The optional body {@code {"note":"…"}}; an empty body publishes with the default note. */
    private String note(String body) {
        if (body == null || body.isBlank()) return DEFAULT_NOTE;
        JsonNode node = JsonBody.object(json, body, "a JSON object with note", List.of("note"));
        String note = JsonBody.text(node, "note", "").strip();
        if (note.codePointCount(0, note.length()) > MAX_NOTE) throw new BadRequest(400, "note_too_long", "field 'note' is longer than " + MAX_NOTE + " characters");
        return note.isEmpty() ? DEFAULT_NOTE : note;
    }
}
