package org.openhotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.index.IndexManagerTest.CountingEmbedder;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.nlu.lexicon.CustomWord;
import org.openhotline.nlu.lexicon.NluDictionaries;

/** Each version is indexed and searched with its own dictionaries: an edited synonym or typo changes what matches. */
class VersionedAnalysisTest {
    static final NluDictionaries BUNDLED = NluDictionaries.bundled();
    /** The shipped lists plus a made-up name for the social-security card and a typo of it. */
    static final NluDictionaries EDITED = edited();

    static NluDictionaries edited() {
        List<CustomWord> words = new ArrayList<>(BUNDLED.words());
        words.add(new CustomWord("蓝鲸码", "n"));
        List<List<String>> groups = new ArrayList<>(BUNDLED.synonymGroups());
        groups.add(0, List.of("社保卡", "紫霞卡"));
        Map<String, String> typos = new LinkedHashMap<>(BUNDLED.typos());
        typos.put("紫侠卡", "紫霞卡");
        return new NluDictionaries(words, groups, BUNDLED.stopwords(), typos, BUNDLED.places());
    }

    @TempDir
    Path root;
    IndexManager manager;

    @AfterEach
    void close() {
        if (manager != null) manager.close();
    }

    static List<String> bm25(KnowledgeIndex index, String query) {
        Retriever r = new Retriever(IndexAnalysis.bundled(), new CountingEmbedder("fake"),
                RetrievalSettings.defaults(new FusionModel(0, new double[] {0, 0, 0, 0, 0})));
        String normalized = index.analysis().normalizer().normalize(query).normalized();
        return r.search(index, normalized, RetrievalMode.BM25, LocalDate.of(2025, 1, 1), 5).stream().map(c -> c.entry().id()).toList();
    }

    @Test
    void aVersionPublishedWithASynonymMatchesItAndThePreviousVersionDoesNot() {
        manager = new IndexManager(root, new IndexBuilder(IndexAnalysis.bundled(), new CountingEmbedder("fake")));
        KnowledgeIndex v1 = manager.load(1, IndexManagerTest.V1, BUNDLED, ProgressListener.NONE);
        v1.acquire();
        try {
            assertFalse(bm25(v1, "紫霞卡").contains("card"), "v1 does not know 紫霞卡");
            assertEquals(BUNDLED.fingerprint(), manager.liveAnalysis().dictionaries().fingerprint());
            KnowledgeIndex v2 = manager.load(2, IndexManagerTest.V1, EDITED, ProgressListener.NONE);
            assertEquals(List.of("card"), bm25(v2, "紫霞卡").subList(0, 1), "v2 folds 紫霞卡 into 社保卡");
            assertEquals(List.of("card"), bm25(v2, "紫侠卡").subList(0, 1), "and corrects its typo first");
            assertSame(v2.analysis(), manager.liveAnalysis(), "the live analysis follows the live version");
            assertEquals("紫霞卡", manager.liveAnalysis().normalizer().typos().correct("紫侠卡"));
            assertEquals(List.of("蓝鲸码"), v2.analysis().terms(IndexFields.WORDS, "蓝鲸码"), "a custom word stays whole");
            assertNotEquals(List.of("蓝鲸码"), v1.analysis().terms(IndexFields.WORDS, "蓝鲸码"), "but not in the version without it");
            assertFalse(bm25(v1, "紫霞卡").contains("card"), "the older index still searches with its own dictionaries");
        } finally {
            v1.release();
        }
    }

    @Test
    void anIndexMadeWithOtherDictionariesIsRebuiltAndTheSameOnesAreReused() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder("fake");
        manager = new IndexManager(root, new IndexBuilder(IndexAnalysis.bundled(), embedder));
        manager.load(1, IndexManagerTest.V1, BUNDLED, ProgressListener.NONE);
        String bundledMarker = Files.readString(root.resolve("v1").resolve(IndexBuilder.READY), StandardCharsets.UTF_8);
        assertTrue(bundledMarker.contains(IndexAnalysis.bundled().fingerprint()));
        manager.close();

        manager = new IndexManager(root, new IndexBuilder(IndexAnalysis.bundled(), embedder));
        manager.load(1, IndexManagerTest.V1, EDITED, ProgressListener.NONE);
        String editedMarker = Files.readString(root.resolve("v1").resolve(IndexBuilder.READY), StandardCharsets.UTF_8);
        assertNotEquals(bundledMarker, editedMarker, "the same version under edited dictionaries was rebuilt");
        assertTrue(editedMarker.contains(IndexAnalysis.of(EDITED).fingerprint()));
        assertSame(manager.analysisFor(EDITED), manager.analysisFor(edited()), "equal content, one analysis");
        assertSame(manager.analysisFor(BUNDLED), manager.analysisFor(NluDictionaries.load(null)), "the builder's own is reused");
    }

    @Test
    void fingerprintsTellTyposAndWordsApart() {
        String base = IndexAnalysis.of(BUNDLED).fingerprint();
        assertEquals(base, IndexAnalysis.bundled().fingerprint());
        Map<String, String> typos = new LinkedHashMap<>(BUNDLED.typos());
        typos.put("紫侠卡", "紫霞卡");
        NluDictionaries typoOnly = new NluDictionaries(BUNDLED.words(), BUNDLED.synonymGroups(), BUNDLED.stopwords(), typos, BUNDLED.places());
        assertNotEquals(base, IndexAnalysis.of(typoOnly).fingerprint(), "questions are corrected before indexing");
    }
}
