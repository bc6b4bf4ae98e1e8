package org.openhotline.bot.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openhotline.bot.BotJson;
import org.openhotline.nlu.Analysis;
import org.openhotline.nlu.entity.Entity;
import org.openhotline.nlu.entity.EntityType;
import org.openhotline.nlu.intent.Intent;
import org.openhotline.nlu.sensitive.SensitiveHit;

/**
 * The NLU result as the message log stores it: intents, entity types with personal values masked (the
 * log feeds reports), sensitive-word categories. The body column keeps what the citizen wrote.
 */
public final class NluRecord {
    private NluRecord() {
    }

    public static String of(Analysis a) {
        ObjectNode root = BotJson.mapper().createObjectNode();
        ArrayNode intents = root.putArray("intents");
        for (Intent i : a.intents()) {
            if (i.score() < 0.2) continue;
            intents.addObject().put("name", i.name()).put("score", Math.round(i.score() * 1000) / 1000.0);
        }
        ArrayNode entities = root.putArray("entities");
        for (Entity e : a.entities()) entities.addObject().put("type", e.type().wireName()).put("value", masked(e));
        ArrayNode sensitive = root.putArray("sensitive");
        for (SensitiveHit h : a.sensitive().hits()) sensitive.addObject().put("category", h.category().wireName()).put("action", h.action().name().toLowerCase());
        if (a.truncated()) root.put("truncated", true);
        return root.toString();
    }

    /** Personal values keep only their ends (the agent's view reads the session, not the log). */
    static String masked(Entity e) {
        if (!personal(e.type())) return e.value();
        String v = e.value();
        if (v.length() <= 4) return "*".repeat(v.length());
        return v.substring(0, 2) + "*".repeat(v.length() - 4) + v.substring(v.length() - 2);
    }

    static boolean personal(EntityType t) {
        return t == EntityType.ID_CARD || t == EntityType.PHONE || t == EntityType.BANK_CARD || t == EntityType.PERSON;
    }
}
