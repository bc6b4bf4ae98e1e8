package org.openhotline.kb.store;

import java.util.List;
import java.util.Optional;
import org.openhotline.kb.model.Entry;

/** Where published knowledge-base versions live; shared by every node of a deployment. */
public interface KnowledgeStore {

    /** Makes {@code entries} the new current version, atomically: readers see the old or the new one whole. */
    KbVersion publish(List<Entry> entries, String note);

    Optional<KbVersion> currentVersion();

    List<Entry> entries(int versionNumber);

    /** Newest first. */
    List<KbVersion> versions();
}
