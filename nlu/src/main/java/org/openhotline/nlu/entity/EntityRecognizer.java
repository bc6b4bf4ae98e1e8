package org.openhotline.nlu.entity;

import java.time.LocalDateTime;
import java.util.List;

/** Finds one kind of entity; candidates may overlap each other, {@link EntityExtractor} decides between them. */
public interface EntityRecognizer {
    List<Entity> find(ScanText text, LocalDateTime now);
}
