package org.openhotline.kb.store;

import java.util.List;
import java.util.Optional;
import org.openhotline.kb.model.Entry;

/** Where published knowledge-base versions live; shared by every node of a deployment. */
public interface KnowledgeStore {

    /**
     * Makes {@code entries} the new current version, atomically: readers see the old or the new one whole.
     * The version also records the NLU dictionaries' working set as it is now (see {@link KbVersion#dictionarySnapshot()}).
     */
    KbVersion publish(List<Entry> entries, String note);

    /**
     * A new current version with the entries of version {@code base} and the dictionaries frozen as
     * {@code dictionarySnapshot} (null: the shipped files). Publishing edited dictionaries alone is
     * {@code republish(current, note, freshSnapshot)}; a rollback is {@code republish(old, note, old's snapshot)}.
     */
    KbVersion republish(int base, String note, String dictionarySnapshot);

    /**
     * Makes an older version current again, entries and dictionaries alike, as a new version (history is
     * never rewritten). An unknown version is an {@link IllegalArgumentException}.
     */
    default KbVersion rollback(int version, String note) {
        KbVersion old = version(version).orElseThrow(() -> new IllegalArgumentException("there is no knowledge-base version " + version));
        return republish(version, note, old.dictionarySnapshot());
    }

    Optional<KbVersion> currentVersion();

    /** The version numbered {@code number}, if there is one. */
    Optional<KbVersion> version(int number);

    List<Entry> entries(int versionNumber);

    /**
     * When each entry of a version got its content (the first publish of that revision): the editors' "last change".
     * Stores that do not keep it answer an empty map.
     */
    default java.util.Map<String, java.time.Instant> lastChanged(int versionNumber) {
        return java.util.Map.of();
    }

    /** Newest first. */
    List<KbVersion> versions();
}
