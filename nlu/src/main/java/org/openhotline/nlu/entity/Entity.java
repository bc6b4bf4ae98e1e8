package org.openhotline.nlu.entity;

import java.util.Objects;

/**
 * One fact found in a message: its type, its canonical value (digits only, ISO date or duration, yuan,
 * canonical place name…) and where it was written in the ORIGINAL text (UTF-16 offsets, end exclusive),
 * so a caller can highlight or mask exactly what the citizen wrote.
 */
public record Entity(EntityType type, String value, int start, int end, double confidence) {
    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        if (confidence < 0 || confidence > 1) throw new IllegalArgumentException("confidence " + confidence);
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Entity other) {
        return start < other.end && other.start < end;
    }

    /** The text the entity was read from. */
    public String surface(String original) {
        return original.substring(start, end);
    }
}
