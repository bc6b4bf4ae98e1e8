package org.openhotline.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhotline.nlu.sensitive.Category;
import org.openhotline.nlu.sensitive.LexiconEntry;

/** {@code /api/admin/sensitive-*}: editors add and remove sensitive words and whitelist phrases, reviewers read the audit. */
final class SensitiveAdminController {
    static final int MAX_WORD = 50;
    static final int MAX_PHRASE = 100;
    static final int MAX_AUDIT = 1000;
    private static final String CATEGORIES = Arrays.stream(Category.values()).map(Category::wireName).collect(Collectors.joining(", "));

    private final ObjectMapper json;
    private final SensitiveAdmin admin;

    SensitiveAdminController(ObjectMapper json, SensitiveAdmin admin) {
        this.json = json;
        this.admin = admin;
    }

    void listWords(Context ctx) {
        String c = ctx.queryParam("category");
        List<LexiconEntry> words = admin.words().words(c == null || c.isBlank() ? null : category(c));
        ctx.json(HttpServer.map("count", words.size(), "words", words.stream().map(SensitiveAdminController::toJson).toList()));
    }

    void addWord(Context ctx) {
        JsonNode body = object(ctx.body(), List.of("word", "category", "sound"));
        Category category = category(JsonBody.text(body, "category"));
        String word = JsonBody.text(body, "word").strip();
        if (word.isEmpty()) throw new BadRequest(400, "empty_word", "field 'word' is empty");
        if (word.codePointCount(0, word.length()) > MAX_WORD) throw new BadRequest(400, "word_too_long", "field 'word' is longer than " + MAX_WORD + " characters");
        LexiconEntry entry = new LexiconEntry(word, category, sound(JsonBody.text(body, "sound", "normal")));
        if (!admin.words().add(entry)) throw new BadRequest(409, "duplicate", "'" + word + "' is already in " + category.wireName());
        admin.reloadLocal().run();
        ctx.status(201).json(toJson(entry));
    }

    /**
     * How a word may be matched by sound: {@code normal} (pinyin and initials), {@code homophone} (also near
     * homophones, for words people disguise), {@code literal} (characters only, for short words whose sound is common).
     */
    private static LexiconEntry.Sound sound(String s) {
        return switch (s) {
            case "normal", "normal_sound" -> LexiconEntry.Sound.NORMAL;
            case "homophone", "homophone_prone" -> LexiconEntry.Sound.HOMOPHONE_PRONE;
            case "literal" -> LexiconEntry.Sound.LITERAL;
            default -> throw new BadRequest(400, "bad_sound", "field 'sound' must be normal, homophone or literal");
        };
    }

    void removeWord(Context ctx) {
        Category category = category(ctx.pathParam("category"));
        String word = ctx.pathParam("word");
        if (!admin.words().remove(category, word)) throw new BadRequest(404, "not_found", "'" + word + "' is not in " + category.wireName());
        admin.reloadLocal().run();
        ctx.status(204);
    }

    void listWhitelist(Context ctx) {
        List<String> phrases = admin.words().whitelist();
        ctx.json(HttpServer.map("count", phrases.size(), "phrases", phrases));
    }

    void addWhitelist(Context ctx) {
        JsonNode body = object(ctx.body(), List.of("phrase"));
        String phrase = JsonBody.text(body, "phrase").strip();
        if (phrase.isEmpty()) throw new BadRequest(400, "empty_phrase", "field 'phrase' is empty");
        if (phrase.codePointCount(0, phrase.length()) > MAX_PHRASE) throw new BadRequest(400, "phrase_too_long", "field 'phrase' is longer than " + MAX_PHRASE + " characters");
        if (!admin.words().addWhitelist(phrase)) throw new BadRequest(409, "duplicate", "'" + phrase + "' is already whitelisted");
        admin.reloadLocal().run();
        ctx.status(201).json(HttpServer.map("phrase", phrase));
    }

    void removeWhitelist(Context ctx) {
        String phrase = ctx.pathParam("phrase");
        if (!admin.words().removeWhitelist(phrase)) throw new BadRequest(404, "not_found", "'" + phrase + "' is not whitelisted");
        admin.reloadLocal().run();
        ctx.status(204);
    }

    void audit(Context ctx) {
        String l = ctx.queryParam("limit");
        int limit = 100;
        if (l != null && !l.isBlank()) {
            try {
                limit = Integer.parseInt(l.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_AUDIT) throw new BadRequest(400, "bad_limit", "'limit' must be a whole number from 1 to " + MAX_AUDIT);
        }
        var rows = admin.audit().recent(limit);
        ctx.json(HttpServer.map("count", rows.size(), "hits", rows.stream().map(r -> HttpServer.map("id", r.id(), "at", r.at().toString(),
                "direction", r.direction(), "sessionId", r.sessionId(), "category", r.category(), "word", r.word(), "action", r.action(),
                "matchMode", r.matchMode())).toList()));
    }

    private static Category category(String name) {
        try {
            return Category.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "unknown_category", "unknown category '" + JsonBody.abbreviate(name) + "'; known: " + CATEGORIES);
        }
    }

    private JsonNode object(String body, List<String> fields) {
        return JsonBody.object(json, body, "a JSON object with " + String.join(", ", fields), fields);
    }

    private static Map<String, Object> toJson(LexiconEntry e) {
        return HttpServer.map("word", e.word(), "category", e.category().wireName(), "sound", e.sound().name().toLowerCase(java.util.Locale.ROOT));
    }
}
