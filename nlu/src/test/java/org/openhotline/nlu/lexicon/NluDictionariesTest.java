package org.openhotline.nlu.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.nlu.gazetteer.Place;
import org.openhotline.nlu.gazetteer.PlaceType;

class NluDictionariesTest {
    private static final NluDictionaries BUNDLED = NluDictionaries.bundled();

    @Test
    void bundledHoldsEveryShippedList() {
        assertTrue(BUNDLED.words().size() > 50);
        assertTrue(BUNDLED.synonymGroups().size() > 20);
        assertTrue(BUNDLED.stopwords().contains("请问"));
        assertEquals("公积金", BUNDLED.typos().get("公基金"));
        assertEquals("新城区", BUNDLED.gazetteer().lookup("新城区").orElseThrow().name());
        assertEquals(BUNDLED.places().size(), BUNDLED.gazetteer().places().size());
        assertEquals(DomainLexicon.bundled().fingerprint(), BUNDLED.lexicon().fingerprint());
        assertEquals("公积金", TypoDictionary.bundled().correct("公基金"));
    }

    @Test
    void derivedObjectsFollowTheLists() {
        NluDictionaries d = new NluDictionaries(List.of(new CustomWord("紫霞卡", "n")), List.of(List.of("社保卡", "紫霞卡")),
                List.of("的"), Map.of("紫侠卡", "紫霞卡"), List.of(new Place(PlaceType.DISTRICT, "测试区", "西安市", List.of("测区"))));
        assertEquals("社保卡", d.lexicon().synonyms().canonical("紫霞卡"));
        assertEquals("n", d.lexicon().natures().get("紫霞卡"));
        assertEquals("紫霞卡丢了", d.typoDictionary().correct("紫侠卡丢了"));
        assertEquals("测试区", d.gazetteer().lookup("测区").orElseThrow().name());
    }

    @Test
    void theFingerprintCoversEveryList() {
        List<String> seen = new ArrayList<>();
        seen.add(BUNDLED.fingerprint());
        seen.add(with(BUNDLED, "word").fingerprint());
        seen.add(with(BUNDLED, "typo").fingerprint());
        seen.add(with(BUNDLED, "place").fingerprint());
        seen.add(with(BUNDLED, "nature").fingerprint());
        assertEquals(seen.size(), seen.stream().distinct().count(), seen.toString());
        assertEquals(BUNDLED.fingerprint(), NluDictionaries.load(null).fingerprint(), "the same content, the same fingerprint");
    }

    private static NluDictionaries with(NluDictionaries d, String change) {
        List<CustomWord> words = new ArrayList<>(d.words());
        Map<String, String> typos = new LinkedHashMap<>(d.typos());
        List<Place> places = new ArrayList<>(d.places());
        switch (change) {
            case "word" -> words.add(new CustomWord("紫霞测试卡", null));
            case "nature" -> words.set(0, new CustomWord(words.get(0).word(), "ns"));
            case "typo" -> typos.put("紫侠", "紫霞");
            case "place" -> places.add(new Place(PlaceType.STREET, "测试街道", "新城区", List.of()));
            default -> throw new IllegalArgumentException(change);
        }
        return new NluDictionaries(words, d.synonymGroups(), d.stopwords(), typos, places);
    }

    @Test
    void aLexiconFolderReplacesWordsAndTyposAndWordsMayCarryANature(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("domain-words.txt"), "# ours\n紫霞卡\tn\n蓝鲸码\n");
        Files.writeString(dir.resolve("typos.txt"), "紫侠卡\t紫霞卡\n");
        NluDictionaries d = NluDictionaries.load(dir);
        assertEquals(List.of(new CustomWord("紫霞卡", "n"), new CustomWord("蓝鲸码", null)), d.words());
        assertEquals(Map.of("紫侠卡", "紫霞卡"), d.typos());
        assertEquals(BUNDLED.synonymGroups(), d.synonymGroups(), "synonyms.txt absent: the bundled one stays");
        assertNotEquals(BUNDLED.fingerprint(), d.fingerprint());
    }

    @Test
    void aCustomWordIsStrippedAndABlankNatureIsNone() {
        CustomWord w = new CustomWord(" 紫霞卡 ", " ");
        assertEquals("紫霞卡", w.word());
        assertNull(w.nature());
        assertThrows(IllegalArgumentException.class, () -> new CustomWord(" ", null));
    }
}
