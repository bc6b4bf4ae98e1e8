package org.openhotline.nlu.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLexiconTest {
    private static final DomainLexicon BUNDLED = DomainLexicon.bundled();

    @Test
    void bundledLexiconLoads() {
        assertTrue(BUNDLED.domainWords().size() > 50);
        assertTrue(BUNDLED.synonyms().size() > 50);
        assertTrue(BUNDLED.stopwords().size() > 10);
        assertFalse(BUNDLED.domainWords().stream().anyMatch(w -> w.startsWith("#")), "comment lines are skipped");
    }

    @Test
    void bundledSynonymsFoldToTheIndexedForm() {
        SynonymTable s = BUNDLED.synonyms();
        assertEquals("社保卡", s.canonical("社会保障卡"));
        assertEquals("医保", s.canonical("医疗保险"));
        assertEquals("公积金", s.canonical("住房公积金"));
        assertEquals("异地就医", s.canonical("跨省就医"));
        assertEquals("补办", s.canonical("补领"));
        assertEquals("12345", s.canonical("市民热线"));
    }

    @Test
    void groupHeadsAreTheirOwnCanonicalForm() {
        // a head listed as a member of an earlier group would silently be folded away
        for (String line : DomainLexicon.readLines("synonyms.txt")) {
            String head = line.split("[,，\\s]+")[0];
            assertEquals(head, BUNDLED.synonyms().canonical(head), line);
        }
    }

    @Test
    void synonymsAreDomainWordsSoTheySegmentWhole() {
        assertTrue(BUNDLED.domainWords().contains("社会保障卡"), "from synonyms.txt, not domain-words.txt");
        assertTrue(BUNDLED.domainWords().contains("门诊慢特病"));
    }

    @Test
    void stopwordsDropParticlesButKeepQuestionWords() {
        assertTrue(BUNDLED.isStopword("的"));
        assertTrue(BUNDLED.isStopword("请问"));
        assertTrue(BUNDLED.isStopword("吗"));
        assertFalse(BUNDLED.isStopword("怎么"));
        assertFalse(BUNDLED.isStopword("哪里"));
        assertFalse(BUNDLED.isStopword("社保卡"));
    }

    @Test
    void noStopwordIsAlsoASynonym() {
        for (String w : BUNDLED.synonyms().words()) assertFalse(BUNDLED.isStopword(w), w);
    }

    @Test
    void customLexiconAddsSynonymsToDomainWords() {
        DomainLexicon lex = new DomainLexicon(Set.of("公积金"), List.of(List.of("医保", "医疗保险")), Set.of("的"));
        assertEquals(Set.of("公积金", "医保", "医疗保险"), lex.domainWords());
        assertEquals("医保", lex.synonyms().canonical("医疗保险"));
        assertTrue(lex.isStopword("的"));
    }

    @Test
    void filesInTheLexiconFolderReplaceTheBundledOnesOneByOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("synonyms.txt"), "# ours\n市民卡,社保卡,一卡通\n");
        DomainLexicon edited = DomainLexicon.load(dir);
        assertEquals("市民卡", edited.synonyms().canonical("一卡通"));
        assertEquals("社保卡", BUNDLED.synonyms().canonical("社会保障卡"));
        assertEquals("社会保障卡", edited.synonyms().canonical("社会保障卡"), "the bundled synonym list is replaced, not merged");
        assertEquals(BUNDLED.stopwords(), edited.stopwords(), "stopwords.txt absent: the bundled one stays");
        assertTrue(edited.domainWords().contains("一卡通"), "a synonym is a domain word so that it segments whole");
        assertFalse(edited.fingerprint().equals(BUNDLED.fingerprint()));
        assertEquals(BUNDLED.fingerprint(), DomainLexicon.load(null).fingerprint());
    }
}
