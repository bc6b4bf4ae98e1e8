package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.index.IndexFields;
import org.openhotline.kb.index.KnowledgeIndex;
import org.openhotline.kb.lexicon.JdbcDictionaryStore;
import org.openhotline.kb.lexicon.VersionDictionaries;
import org.openhotline.kb.retrieval.Candidate;
import org.openhotline.kb.retrieval.RetrievalMode;
import org.openhotline.kb.store.Database;
import org.openhotline.kb.store.JdbcKnowledgeStore;
import org.openhotline.kb.store.KbVersion;
import org.openhotline.nlu.lexicon.NluDictionaries;
import org.openhotline.server.app.HotlineApp;

/**
 * An editor teaches the hotline a new name for the social-security card over the admin API and publishes it:
 * retrieval then matches that name, the previous version keeps its dictionaries, and a rollback undoes it all.
 */
class DictionaryPublishEndToEndTest {
    static final String TOKEN = "dictionary-e2e-token-789";
    static final String CARD_CATEGORY = "社保/社保卡";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).env("HOTLINE_KB_POLL_SECONDS", "1").build();

    /** The live version's BM25 candidates for what a citizen typed, normalised as the conversation does. */
    static List<Candidate> bm25(String text) {
        KnowledgeIndex idx = server.app().engine().indexes().acquire();
        try {
            String normalized = server.app().engine().normalizer().normalize(text).normalized();
            return server.app().engine().retriever(server.app().engine().retrievalSettings()).search(idx, normalized, RetrievalMode.BM25, LocalDate.now(), 3);
        } finally {
            idx.release();
        }
    }

    static boolean findsTheCard(String text) {
        List<Candidate> c = bm25(text);
        return !c.isEmpty() && c.get(0).entry().category().equals(CARD_CATEGORY);
    }

    static List<String> liveTerms(String text) {
        return server.app().engine().indexes().liveAnalysis().terms(IndexFields.WORDS, text);
    }

    static void awaitLive(int version) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (server.app().engine().indexes().liveVersion() != version) {
            if (System.nanoTime() > deadline) throw new AssertionError("version " + version + " never went live; live: " + server.app().engine().indexes().liveVersion());
            Thread.sleep(100);
        }
    }

    @Test
    void aPublishedSynonymWordAndTypoChangeRetrievalAndARollbackRestoresTheOldDictionaries() throws Exception {
        assertEquals(1, server.app().engine().indexes().liveVersion());
        assertFalse(findsTheCard("紫霞鲸"), "nobody calls the card 紫霞鲸 yet: " + bm25("紫霞鲸"));
        assertNotEquals(List.of("紫霞蓝鲸码"), liveTerms("紫霞蓝鲸码"));

        // the 社保卡 group is replaced by one that also has 紫霞鲸 (a group is edited by delete and add)
        JsonNode groups = server.expect(200, "GET", "/api/admin/dictionaries/synonym?q=" + TestServer.enc("社保卡"), null);
        JsonNode card = null;
        for (JsonNode g : groups.get("entries")) if (g.get("canonical").asText().equals("社保卡")) card = g;
        assertNotNull(card, groups.toString());
        List<String> variants = new ArrayList<>();
        card.get("variants").forEach(v -> variants.add(v.asText()));
        variants.add("紫霞鲸");
        server.expect(204, "DELETE", "/api/admin/dictionaries/synonym/" + card.get("id").asLong(), null);
        server.expect(201, "POST", "/api/admin/dictionaries/synonym",
                TestServer.JSON.writeValueAsString(Map.of("canonical", "社保卡", "variants", variants)));
        server.expect(201, "POST", "/api/admin/dictionaries/word", "{\"word\":\"紫霞蓝鲸码\",\"nature\":\"nz\"}");
        server.expect(201, "POST", "/api/admin/dictionaries/typo", "{\"wrong\":\"紫侠鲸\",\"right\":\"紫霞鲸\"}");
        assertFalse(findsTheCard("紫霞鲸"), "edits are a draft: citizens are still answered from version 1");
        assertTrue(server.expect(200, "GET", "/api/admin/dictionaries", null).get("unpublishedChanges").asBoolean());

        JsonNode published = server.expect(201, "POST", "/api/admin/dictionaries/publish", "{\"note\":\"紫霞鲸 is the card\"}");
        assertEquals(2, published.get("version").asInt());
        awaitLive(2);
        assertTrue(findsTheCard("紫霞鲸"), "version 2 folds 紫霞鲸 into 社保卡: " + bm25("紫霞鲸"));
        assertTrue(findsTheCard("紫侠鲸"), "and corrects the typo 紫侠鲸 first, in the live normaliser");
        assertEquals(List.of("紫霞蓝鲸码"), liveTerms("紫霞蓝鲸码"), "the custom word stays whole");
        JsonNode summary = server.expect(200, "GET", "/api/admin/dictionaries", null);
        assertFalse(summary.get("unpublishedChanges").asBoolean());
        assertEquals(2, summary.get("published").get("version").asInt());
        assertEquals(published.get("snapshot").asText(), summary.get("published").get("snapshot").asText());

        try (Database db = HotlineApp.openDatabase(server.config())) {
            JdbcKnowledgeStore store = new JdbcKnowledgeStore(db.dataSource());
            VersionDictionaries dictionaries = new VersionDictionaries(new JdbcDictionaryStore(db.dataSource()), NluDictionaries.bundled());
            KbVersion v1 = store.version(1).orElseThrow();
            KbVersion v2 = store.version(2).orElseThrow();
            assertEquals(store.entries(1), store.entries(2), "publishing dictionaries keeps the entries");
            assertEquals("紫霞鲸", dictionaries.of(v1).lexicon().synonyms().canonical("紫霞鲸"), "version 1 keeps its dictionaries");
            assertEquals("社保卡", dictionaries.of(v2).lexicon().synonyms().canonical("紫霞鲸"));
            assertEquals(3, store.rollback(1, "undo 紫霞鲸").number());
        }
        awaitLive(3); // picked up by the node's poll, like a version published by another node
        assertFalse(findsTheCard("紫霞鲸"), "the rollback brought version 1's dictionaries back");
        assertNotEquals(List.of("紫霞蓝鲸码"), liveTerms("紫霞蓝鲸码"));
        assertTrue(server.expect(200, "GET", "/api/admin/dictionaries", null).get("unpublishedChanges").asBoolean(),
                "the working set still has the edits, now unpublished again");
    }
}
