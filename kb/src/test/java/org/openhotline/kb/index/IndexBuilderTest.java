package org.openhotline.kb.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.index.IndexManagerTest.CountingEmbedder;
import org.openhotline.nlu.lexicon.DomainLexicon;
import org.openhotline.nlu.text.TextNormalizer;

class IndexBuilderTest {
    @TempDir
    Path dir;

    @Test
    void anIndexMadeWithAnotherLexiconOrModelIsNotReady() throws Exception {
        IndexAnalysis bundled = new IndexAnalysis(new TextNormalizer(), DomainLexicon.bundled());
        IndexBuilder builder = new IndexBuilder(bundled, new CountingEmbedder("m1"));
        Path index = dir.resolve("v1");
        builder.build(index, IndexManagerTest.V1, Map.of(), ProgressListener.NONE);
        assertTrue(builder.isReady(index));
        assertTrue(new IndexBuilder(new IndexAnalysis(new TextNormalizer(), DomainLexicon.bundled()), new CountingEmbedder("m1")).isReady(index),
                "the same lexicon and model: reuse the index");
        assertFalse(new IndexBuilder(bundled, new CountingEmbedder("m2")).isReady(index), "another embedding model");

        Path edited = Files.createDirectories(dir.resolve("lexicon"));
        Files.writeString(edited.resolve("synonyms.txt"), "社保卡,社会保障卡,市民卡\n");
        IndexAnalysis withEdits = new IndexAnalysis(new TextNormalizer(), DomainLexicon.load(edited));
        assertFalse(new IndexBuilder(withEdits, new CountingEmbedder("m1")).isReady(index), "an edited synonym list changes the analysis");
    }
}
