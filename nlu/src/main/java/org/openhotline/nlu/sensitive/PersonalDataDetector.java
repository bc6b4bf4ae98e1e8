package org.openhotline.nlu.sensitive;

import java.util.List;

/**
 * Hook for entity-based personal-data detection (ID numbers, phone numbers, bank cards found by the
 * entity recogniser): its spans join the lexicon hits as {@link Category#PERSONAL_DATA}.
 */
@FunctionalInterface
public interface PersonalDataDetector {
    /** A span of the original text and a label such as "id_number" that stands in for the word. */
    record Span(int start, int end, String label) {}

    List<Span> find(String original);

    PersonalDataDetector NONE = text -> List.of();
}
