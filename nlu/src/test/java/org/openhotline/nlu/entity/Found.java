package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.List;

/** Test helper: what one recogniser finds in a text, as "value@surface" strings that read well in assertions. */
final class Found {
    /** A Monday. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);

    private Found() {}

    static List<Entity> entities(EntityRecognizer r, String text) {
        return EntityExtractor.resolve(r.find(ScanText.of(text), NOW));
    }

    static List<String> values(EntityRecognizer r, String text) {
        return entities(r, text).stream().map(Entity::value).toList();
    }

    static List<String> spans(EntityRecognizer r, String text) {
        return entities(r, text).stream().map(e -> e.value() + "@" + text.substring(e.start(), e.end())).toList();
    }
}
