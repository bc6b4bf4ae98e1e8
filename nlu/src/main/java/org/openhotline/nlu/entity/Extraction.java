package org.openhotline.nlu.entity;

import java.util.List;

/** The entities of one message, in text order, and whether the message was cut to the extractor's length cap first. */
public record Extraction(List<Entity> entities, boolean truncated, int scannedChars) {
    public Extraction {
        entities = List.copyOf(entities);
    }

    public List<Entity> ofType(EntityType type) {
        return entities.stream().filter(e -> e.type() == type).toList();
    }
}
