package org.openhotline.kb.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhotline.kb.index.IndexAnalysis;
import org.openhotline.kb.index.IndexBuilder;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.kb.model.Entry;
import org.openhotline.kb.model.EntryStatus;
import org.openhotline.nlu.embed.BgeSmallZhEmbedder;

/** Retrieval over a real index of a few entries, embedded with the real model (built once for the class). */
class RetrieverTest {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    static final List<Entry> ENTRIES = List.of(
            new Entry("card", "社保", "社保卡丢了怎么补办", List.of("社保卡遗失了怎么办"),
                    "携带本人身份证到社保经办机构或合作银行网点申请补办社会保障卡，也可在电子社保卡小程序线上申请，新卡约10个工作日制成。",
                    null, List.of(), null, null, EntryStatus.PUBLISHED),
            Entry.of("reimburse", "医保", "医保报销需要什么材料", List.of("看病的钱怎么报"),
                    "门诊和住院费用报销需提供医保电子凭证或医保卡、医疗费用发票、费用明细清单和出院小结。"),
            Entry.of("fund", "公积金", "公积金怎么提取", List.of("住房公积金提取条件"),
                    "购买、建造、翻建、大修自住住房，偿还住房贷款本息，租房自住，离休退休等情形可申请提取住房公积金。"),
            Entry.of("remote", "医保", "异地就医怎么备案", List.of("去外地看病要先备案吗"),
                    "参保人员跨省异地就医前可通过国家医保服务平台APP或参保地经办机构办理备案，备案后可直接结算。"),
            Entry.of("noise", "城市管理", "晚上施工噪音扰民怎么投诉", List.of(),
                    "夜间施工噪音扰民可拨打12345热线或向生态环境部门反映，执法人员将现场核查处理。"),
            new Entry("old-fee", "医保", "2024年城乡居民医保缴费标准是多少", List.of("今年医保交多少钱"),
                    "2024年城乡居民基本医疗保险个人缴费标准为每人每年400元。", null, List.of(), null,
                    TODAY.minusDays(1), EntryStatus.PUBLISHED),
            new Entry("future", "公积金", "新的公积金贷款额度是多少", List.of(),
                    "自下月起公积金贷款最高额度调整为100万元。", null, List.of(), TODAY.plusDays(1), null, EntryStatus.PUBLISHED),
            new Entry("off", "社保", "社保卡密码忘了怎么办", List.of(), "持身份证到网点重置。", null, List.of(), null, null,
                    EntryStatus.DISABLED));

    static BgeSmallZhEmbedder embedder;
    static IndexAnalysis analysis;
    static KnowledgeIndex index;
    static Retriever retriever;

    @BeforeAll
    static void build(@TempDir Path dir) throws IOException {
        embedder = new BgeSmallZhEmbedder();
        analysis = IndexAnalysis.bundled();
        new IndexBuilder(analysis, embedder).build(dir, ENTRIES, Map.of(), ProgressListener.NONE);
        index = KnowledgeIndex.open(1, dir, ENTRIES);
        retriever = new Retriever(analysis, embedder,
                RetrievalSettings.defaults(new FusionModel(-11.9, new double[] {0.67, 34.7, 11.4, 3.8, 1.3})));
    }

    @AfterAll
    static void close() {
        if (index != null) index.release();
    }

    static List<Candidate> search(String query, RetrievalMode mode) {
        return retriever.search(index, analysis.normalizer().normalize(query).normalized(), mode, TODAY, 5);
    }

    static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.entry().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(value = RetrievalMode.class, names = {"VECTOR", "HYBRID"})
    void paraphraseFindsTheRightEntryFirst(RetrievalMode mode) {
        assertEquals("card", ids(search("社会保障卡遗失如何补领", mode)).get(0));
        assertEquals("fund", ids(search("住房公积金能取出来吗", mode)).get(0));
        assertEquals("remote", ids(search("在外地住院需要提前办什么手续", mode)).get(0));
    }

    @Test
    void hybridScoreIsAProbability() {
        List<Candidate> c = search("社会保障卡遗失如何补领", RetrievalMode.HYBRID);
        assertTrue(c.get(0).score() > 0.5, c.toString());
        for (Candidate x : c) assertTrue(x.score() >= 0 && x.score() <= 1, x.toString());
        for (int i = 1; i < c.size(); i++) assertTrue(c.get(i - 1).score() >= c.get(i).score(), "best first");
        assertEquals(0.0, c.get(0).features().cosGap(), "the leader has no gap");
    }

    @Test
    void vectorModeReportsTheClosestQuestion() {
        Candidate top = search("社保卡遗失了怎么办", RetrievalMode.VECTOR).get(0);
        assertEquals("card", top.entry().id());
        assertEquals("社保卡遗失了怎么办", top.matched(), "the similar question, not the standard one");
        assertEquals(1.0, top.score(), 1e-3);
    }

    @Test
    void bm25FindsAHomophoneThroughPinyin() {
        // ASR wrote 一保 for 医保: no word matches, the pinyin bigram yi_bao does
        List<Candidate> c = search("一保怎么报销", RetrievalMode.BM25);
        assertEquals("reimburse", ids(c).get(0));
        assertEquals("reimburse", ids(search("一保", RetrievalMode.BM25)).get(0));
    }

    @Test
    void bm25MatchesSynonymsOfTheIndexedWords() {
        assertEquals("card", ids(search("社会保障卡补领", RetrievalMode.BM25)).get(0));
    }

    @ParameterizedTest
    @EnumSource(RetrievalMode.class)
    void entriesOutsideTheirValidityOrDisabledAreNeverReturned(RetrievalMode mode) {
        for (String q : List.of("2024年城乡居民医保缴费标准是多少", "今年医保交多少钱", "新的公积金贷款额度是多少", "社保卡密码忘了怎么办")) {
            List<String> found = ids(retriever.search(index, q, mode, TODAY, 20));
            assertFalse(found.contains("old-fee"), q + " " + found);
            assertFalse(found.contains("future"), q + " " + found);
            assertFalse(found.contains("off"), q + " " + found);
        }
    }

    @Test
    void validityIsCheckedAgainstTheDayGiven() {
        // valid_to is the last day the answer may be given
        assertEquals("old-fee", ids(retriever.search(index, "2024年城乡居民医保缴费标准是多少", RetrievalMode.HYBRID,
                TODAY.minusDays(1), 5)).get(0));
        assertTrue(ids(retriever.search(index, "新的公积金贷款额度是多少", RetrievalMode.HYBRID, TODAY.plusDays(1), 5)).contains("future"));
    }

    @ParameterizedTest
    @EnumSource(RetrievalMode.class)
    void emptyQueryReturnsNothing(RetrievalMode mode) {
        assertTrue(retriever.search(index, "", mode, TODAY, 5).isEmpty());
        assertTrue(retriever.search(index, "   ", mode, TODAY, 5).isEmpty());
    }

    @Test
    void bm25WithNoMatchingTermReturnsNothing() {
        assertTrue(search("的吗", RetrievalMode.BM25).isEmpty(), "stopwords and particles only");
    }

    @Test
    void anIndexWithoutEntriesFindsNothing(@TempDir Path dir) throws IOException {
        new IndexBuilder(analysis, embedder).build(dir, List.of(), Map.of(), ProgressListener.NONE);
        KnowledgeIndex empty = KnowledgeIndex.open(9, dir, List.of());
        try {
            for (RetrievalMode mode : RetrievalMode.values()) assertTrue(retriever.search(empty, "医保怎么报销", mode, TODAY, 5).isEmpty());
        } finally {
            empty.release();
        }
    }

    @Test
    void limitIsRespected() {
        assertEquals(2, retriever.search(index, "医保", RetrievalMode.HYBRID, TODAY, 2).size());
    }
}
