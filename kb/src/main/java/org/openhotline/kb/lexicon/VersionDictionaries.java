package org.openhotline.kb.lexicon;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.kb.store.StoreException;
import org.openhotline.nlu.lexicon.NluDictionaries;

/**
 * The NLU dictionaries a knowledge-base version is indexed and searched with: its frozen snapshot, or the
 * shipped files ({@code fallback}) for a version published before dictionaries were stored. Snapshots never
 * change, so the few recently used are kept in memory.
 */
public final class VersionDictionaries {
    private static final int CACHED = 4;

    private final JdbcDictionaryStore store;
    private final NluDictionaries fallback;
    private final Map<String, NluDictionaries> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NluDictionaries> eldest) {
            return size() > CACHED;
        }
    };

    public VersionDictionaries(JdbcDictionaryStore store, NluDictionaries fallback) {
        this.store = store;
        this.fallback = fallback;
    }

    /** The dictionaries of {@code version}; a snapshot it names but the store lacks is a {@link StoreException}. */
    public NluDictionaries of(KbVersion version) {
        String hash = version.dictionarySnapshot();
        if (hash == null) return fallback;
        synchronized (cache) {
            NluDictionaries d = cache.get(hash);
            if (d != null) return d;
        }
        NluDictionaries d = store.snapshot(hash)
                .orElseThrow(() -> new StoreException("knowledge-base version " + version.number() + " names dictionary snapshot " + hash + ", which is missing", null));
        synchronized (cache) {
            cache.put(hash, d);
        }
        return d;
    }

    /** What versions without a snapshot use: the shipped files (or {@code nlu.lexicon-dir}'s). */
    public NluDictionaries fallback() {
        return fallback;
    }

    /** The content address the fallback would have as a snapshot, to tell whether a draft differs from it. */
    public String fallbackHash() {
        return new DictionaryCodec().hash(DictionaryEntries.of(fallback));
    }
}
