package org.openhotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.retrieval.FusionModel;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.retrieval.RetrievalSettings;
import org.openhotline.kb.retrieval.Retriever;
import org.openhotline.nlu.embed.SentenceEmbedder;

/** Building, swapping and reusing indexes; a fake embedder keeps it fast and counts what gets embedded. */
class IndexManagerTest {

    /** A deterministic pseudo-embedding of each text, counting every text it embeds. */
    static final class CountingEmbedder implements SentenceEmbedder {
        final AtomicInteger embedded = new AtomicInteger();
        final String model;

        CountingEmbedder(String model) {
            this.model = model;
        }

        @Override
        public float[] embed(String text) {
            embedded.incrementAndGet();
            Random r = new Random(text.hashCode());
            float[] v = new float[dimension()];
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
            return SentenceEmbedder.normalize(v);
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public String modelId() {
            return model;
        }
    }

    static final List<Entry> V1 = List.of(
            Entry.of("card", "社保", "社保卡丢了怎么补办", List.of("社保卡遗失了怎么办"), "携带身份证到网点补办。"),
            Entry.of("fund", "公积金", "公积金怎么提取", List.of(), "购房、租房、退休可申请提取。"),
            Entry.of("remote", "医保", "异地就医怎么备案", List.of("去外地看病要备案吗"), "通过国家医保服务平台备案。"));
    /** V1 with one answer changed and one entry added. */
    static final List<Entry> V2 = List.of(V1.get(0), V1.get(1),
            Entry.of("remote", "医保", "异地就医怎么备案", List.of("去外地看病要备案吗"), "通过国家医保服务平台APP备案，备案后直接结算。"),
            Entry.of("noise", "城市管理", "噪音扰民怎么投诉", List.of(), "拨打12345反映。"));

    /** Question documents plus one answer document per entry. */
    static int documents(List<Entry> entries) {
        return entries.stream().mapToInt(e -> e.allQuestions().size() + 1).sum();
    }

    /** Texts a build embeds: each question and each answer's opening, all distinct here. */
    static int texts(List<Entry> entries) {
        return documents(entries);
    }

    static IndexAnalysis analysis;

    @BeforeAll
    static void loadAnalysis() {
        analysis = IndexAnalysis.bundled();
    }

    @TempDir
    Path root;

    final List<IndexManager> managers = new ArrayList<>();

    IndexManager manager(SentenceEmbedder embedder) {
        IndexManager m = new IndexManager(root, new IndexBuilder(analysis, embedder));
        managers.add(m);
        return m;
    }

    @AfterEach
    void closeManagers() {
        managers.forEach(IndexManager::close);
    }

    @Test
    void nothingIsLiveBeforeTheFirstLoad() {
        IndexManager m = manager(new CountingEmbedder("fake"));
        assertNull(m.acquire());
        assertEquals(0, m.liveVersion());
    }

    @Test
    void loadBuildsAndOpensAVersion() {
        CountingEmbedder embedder = new CountingEmbedder("fake");
        IndexManager m = manager(embedder);
        KnowledgeIndex idx = m.load(1, V1, ProgressListener.NONE);
        assertEquals(1, m.liveVersion());
        assertEquals(documents(V1), idx.documentCount());
        assertEquals(texts(V1), embedder.embedded.get());
        assertTrue(Files.isRegularFile(root.resolve("v1").resolve(IndexBuilder.READY)));
        KnowledgeIndex acquired = m.acquire();
        assertNotNull(acquired);
        assertEquals(1, acquired.version());
        acquired.release();
    }

    @Test
    void aNewVersionEmbedsOnlyWhatChanged() {
        CountingEmbedder embedder = new CountingEmbedder("fake");
        IndexManager m = manager(embedder);
        m.load(1, V1, ProgressListener.NONE);
        int afterV1 = embedder.embedded.get();
        m.load(2, V2, ProgressListener.NONE);
        // new: the changed answer, and the added entry's question and answer
        assertEquals(3, embedder.embedded.get() - afterV1);
        assertEquals(2, m.liveVersion());
    }

    @Test
    void buildReturnsHowManyTextsWereEmbeddedAnew() throws IOException {
        CountingEmbedder embedder = new CountingEmbedder("fake");
        IndexBuilder builder = new IndexBuilder(analysis, embedder);
        assertEquals(texts(V1), builder.build(root.resolve("a"), V1, Map.of(), ProgressListener.NONE));
        KnowledgeIndex first = KnowledgeIndex.open(1, root.resolve("a"), V1);
        try {
            Map<String, float[]> stored = first.storedVectors();
            assertEquals(texts(V1), stored.size());
            int before = embedder.embedded.get();
            assertEquals(0, builder.build(root.resolve("b"), V1, stored, ProgressListener.NONE), "unchanged KB");
            assertEquals(before, embedder.embedded.get());
            assertEquals(3, builder.build(root.resolve("c"), V2, stored, ProgressListener.NONE));
        } finally {
            first.release();
        }
        KnowledgeIndex reused = KnowledgeIndex.open(2, root.resolve("b"), V1);
        try {
            // reused vectors are the same vectors, so searching the reused index behaves identically
            Map<String, float[]> again = reused.storedVectors();
            assertEquals(texts(V1), again.size());
            for (var e : again.entrySet()) assertEquals(List.of(toList(embedder.embed(e.getKey()))), List.of(toList(e.getValue())));
        } finally {
            reused.release();
        }
    }

    private static List<Float> toList(float[] v) {
        List<Float> out = new ArrayList<>();
        for (float x : v) out.add(x);
        return out;
    }

    @Test
    void vectorsOfAnotherDimensionAreNotReused() throws IOException {
        IndexBuilder builder = new IndexBuilder(analysis, new CountingEmbedder("fake"));
        Map<String, float[]> wrong = Map.of(analysis.normalizer().normalize("公积金怎么提取").normalized(), new float[3]);
        assertEquals(texts(V1), builder.build(root.resolve("a"), V1, wrong, ProgressListener.NONE));
    }

    @Test
    void searchesKeepWorkingWhileNewVersionsAreLoaded() throws Exception {
        IndexManager m = manager(new CountingEmbedder("fake"));
        m.load(1, V1, ProgressListener.NONE);
        Retriever retriever = new Retriever(analysis, new CountingEmbedder("fake"),
                RetrievalSettings.defaults(new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3})));
        Map<Integer, Integer> expectedDocs = Map.of(1, documents(V1), 2, documents(V2), 3, documents(V1));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread th = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        KnowledgeIndex idx = m.acquire();
                        try {
                            // a complete index: every document present and every search answered from it
                            assertEquals(expectedDocs.get(idx.version()), idx.documentCount());
                            var found = retriever.search(idx, "公积金怎么提取", RetrievalMode.BM25, LocalDate.of(2025, 6, 1), 3);
                            assertEquals("fund", found.get(0).entry().id());
                            if (!seen.contains(idx.version())) seen.add(idx.version());
                        } finally {
                            idx.release();
                        }
                        searches.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            threads.add(th);
        }
        try {
            waitForSearches(searches, 20);
            m.load(2, V2, ProgressListener.NONE);
            waitForSearches(searches, searches.get() + 20);
            m.loadAsync(3, V1).get(30, TimeUnit.SECONDS);
            waitForSearches(searches, searches.get() + 20);
        } finally {
            stop.set(true);
            for (Thread th : threads) th.join(10_000);
        }
        if (!failures.isEmpty()) throw new AssertionError("a search failed during a swap", failures.peek());
        assertEquals(3, m.liveVersion());
        assertTrue(seen.contains(1) && seen.contains(3), "searches ran before and after the swaps: " + seen);
    }

    private static void waitForSearches(AtomicInteger searches, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (searches.get() < atLeast && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(searches.get() >= atLeast, "searches stalled");
    }

    @Test
    void aFinishedIndexIsOpenedNotRebuilt() {
        manager(new CountingEmbedder("fake")).load(1, V1, ProgressListener.NONE);
        CountingEmbedder afterRestart = new CountingEmbedder("fake");
        KnowledgeIndex idx = manager(afterRestart).load(1, V1, ProgressListener.NONE);
        assertEquals(0, afterRestart.embedded.get());
        assertEquals(documents(V1), idx.documentCount());
    }

    @Test
    void aDirectoryWithoutTheReadyMarkerIsRebuilt() throws IOException {
        IndexManager first = manager(new CountingEmbedder("fake"));
        first.load(1, V1, ProgressListener.NONE);
        first.close();
        // as if the process died before the build finished
        Files.delete(root.resolve("v1").resolve(IndexBuilder.READY));
        CountingEmbedder afterCrash = new CountingEmbedder("fake");
        KnowledgeIndex idx = manager(afterCrash).load(1, V1, ProgressListener.NONE);
        assertEquals(texts(V1), afterCrash.embedded.get());
        assertEquals(documents(V1), idx.documentCount());
        assertTrue(Files.isRegularFile(root.resolve("v1").resolve(IndexBuilder.READY)));
    }

    @Test
    void anIndexOfAnotherModelIsRebuilt() {
        manager(new CountingEmbedder("fake")).load(1, V1, ProgressListener.NONE);
        CountingEmbedder other = new CountingEmbedder("other-model");
        manager(other).load(1, V1, ProgressListener.NONE);
        assertEquals(texts(V1), other.embedded.get(), "vectors of two models are never mixed");
    }

    @Test
    void onlyTheLiveAndThePreviousVersionAreKeptOnDisk() throws IOException {
        IndexManager m = manager(new CountingEmbedder("fake"));
        m.load(1, V1, ProgressListener.NONE);
        m.load(2, V2, ProgressListener.NONE);
        assertEquals(List.of("v1", "v2"), dirs());
        m.load(3, V1, ProgressListener.NONE);
        assertEquals(List.of("v2", "v3"), dirs());
    }

    private List<String> dirs() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEmptyKnowledgeBaseCanBeLoadedAndReplaced() {
        // e.g. a version whose entries are all disabled: nothing is indexed
        IndexManager m = manager(new CountingEmbedder("fake"));
        Entry off = new Entry("off", "", "q", List.of(), "a", null, List.of(), null, null, org.openhotline.kb.model.EntryStatus.DISABLED);
        KnowledgeIndex empty = m.load(1, List.of(off), ProgressListener.NONE);
        assertEquals(0, empty.documentCount());
        KnowledgeIndex next = m.load(2, V1, ProgressListener.NONE);
        assertEquals(documents(V1), next.documentCount());
    }

    @Test
    void closeReleasesTheLiveIndex() {
        IndexManager m = manager(new CountingEmbedder("fake"));
        KnowledgeIndex idx = m.load(1, V1, ProgressListener.NONE);
        m.close();
        assertNull(m.acquire());
        assertFalse(idx.acquire(), "closed once no query holds it");
    }
}
