package org.openhotline.kb.lexicon;

import java.util.Map;
import java.util.Optional;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.kb.store.KnowledgeStore;

/**
 * Publishes edited dictionaries on their own: a new knowledge-base version with the current version's
 * entries and the working set frozen, which every node then re-indexes like any other version.
 */
public final class DictionaryPublisher {
    /** The working set against what the current version uses. {@code published} is null before the first version. */
    public record Status(Map<DictionaryKind, Integer> counts, long draftRevision, String draftSnapshot,
                         KbVersion published, String publishedSnapshot, boolean unpublishedChanges) {}

    private final KnowledgeStore versions;
    private final JdbcDictionaryStore dictionaries;
    private final VersionDictionaries versionDictionaries;
    private final Runnable afterPublish;

    /** {@code afterPublish}: tells this node to pick the new version up now rather than at its next poll. */
    public DictionaryPublisher(KnowledgeStore versions, JdbcDictionaryStore dictionaries, VersionDictionaries versionDictionaries, Runnable afterPublish) {
        this.versions = versions;
        this.dictionaries = dictionaries;
        this.versionDictionaries = versionDictionaries;
        this.afterPublish = afterPublish;
    }

    public Status status() {
        String draft = dictionaries.workingHash();
        Optional<KbVersion> current = versions.currentVersion();
        String published = current.map(this::snapshotOf).orElse(null);
        return new Status(dictionaries.counts(), dictionaries.revision(), draft, current.orElse(null),
                current.map(KbVersion::dictionarySnapshot).orElse(null), !draft.equals(published));
    }

    /**
     * The new version, or empty when the working set is what the current version already uses.
     * @throws IllegalStateException when no version is published yet (there are no entries to pair them with)
     */
    public Optional<KbVersion> publish(String note) {
        KbVersion current = versions.currentVersion()
                .orElseThrow(() -> new IllegalStateException("no knowledge-base version is published yet; publish entries first"));
        if (dictionaries.workingHash().equals(snapshotOf(current))) return Optional.empty();
        String snapshot = dictionaries.freeze()
                .orElseThrow(() -> new IllegalStateException("the dictionaries were never seeded; restart the server to seed them"));
        KbVersion v = versions.republish(current.number(), note, snapshot);
        afterPublish.run();
        return Optional.of(v);
    }

    /** The snapshot a version is searched with, the fallback's address for a version without one. */
    private String snapshotOf(KbVersion v) {
        return v.dictionarySnapshot() != null ? v.dictionarySnapshot() : versionDictionaries.fallbackHash();
    }
}
