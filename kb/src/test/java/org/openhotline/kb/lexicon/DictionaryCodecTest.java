package org.openhotline.kb.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.lexicon.NluDictionaries;

/** The JSON shapes of the admin API and the snapshots: strict on what editors send, lossless on what is stored. */
class DictionaryCodecTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final DictionaryCodec codec = new DictionaryCodec();

    DictionaryEntry parse(DictionaryKind kind, String json) throws Exception {
        return codec.fromJson(kind, JSON.readTree(json));
    }

    InvalidDictionaryEntry refused(DictionaryKind kind, String json) {
        return assertThrows(InvalidDictionaryEntry.class, () -> parse(kind, json));
    }

    @Test
    void eachKindParsesFromItsOwnFields() throws Exception {
        assertEquals(DictionaryEntry.word("紫霞卡", "n"), parse(DictionaryKind.WORD, "{\"word\":\" 紫霞卡 \",\"nature\":\"n\"}"));
        assertEquals(DictionaryEntry.word("紫霞卡", null), parse(DictionaryKind.WORD, "{\"word\":\"紫霞卡\",\"nature\":null}"));
        assertEquals(DictionaryEntry.synonym("社保卡", List.of("紫霞卡")), parse(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\",\"variants\":[\"紫霞卡\"]}"));
        assertEquals(DictionaryEntry.stopword("哈喽"), parse(DictionaryKind.STOPWORD, "{\"word\":\"哈喽\"}"));
        assertEquals(DictionaryEntry.typo("紫侠卡", "紫霞卡"), parse(DictionaryKind.TYPO, "{\"wrong\":\"紫侠卡\",\"right\":\"紫霞卡\"}"));
        assertEquals(DictionaryEntry.place("street", "测试街道", "新城区", List.of()),
                parse(DictionaryKind.PLACE, "{\"name\":\"测试街道\",\"type\":\"STREET\",\"parent\":\"新城区\"}"));
    }

    @Test
    void whatEditorsSendIsCheckedFieldByField() {
        InvalidDictionaryEntry e = refused(DictionaryKind.WORD, "{\"word\":\"紫霞卡\",\"pos\":\"n\"}");
        assertEquals("unknown_field", e.code());
        assertEquals("pos", e.field());
        assertEquals("missing_word", refused(DictionaryKind.WORD, "{}").code());
        assertEquals("bad_word", refused(DictionaryKind.WORD, "{\"word\":3}").code());
        assertEquals("empty_word", refused(DictionaryKind.WORD, "{\"word\":\"  \"}").code());
        assertEquals("word_too_short", refused(DictionaryKind.WORD, "{\"word\":\"卡\"}").code());
        assertEquals("word_too_long", refused(DictionaryKind.WORD, "{\"word\":\"" + "词".repeat(51) + "\"}").code());
        assertEquals("bad_word", refused(DictionaryKind.WORD, "{\"word\":\"紫霞 卡\"}").code(), "one word, no spaces");
        assertEquals("bad_word", refused(DictionaryKind.WORD, "{\"word\":\"紫霞,卡\"}").code());
        assertEquals("bad_nature", refused(DictionaryKind.WORD, "{\"word\":\"紫霞卡\",\"nature\":\"zzz9\"}").code());
        assertEquals("missing_variants", refused(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\"}").code());
        assertEquals("bad_variants", refused(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\",\"variants\":\"紫霞卡\"}").code());
        assertEquals("bad_variants", refused(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\",\"variants\":[1]}").code());
        assertEquals("empty_variants", refused(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\",\"variants\":[]}").code());
        assertEquals("bad_variants", refused(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\",\"variants\":[\"社保卡\"]}").code());
        assertEquals("bad_variants", refused(DictionaryKind.SYNONYM, "{\"canonical\":\"社保卡\",\"variants\":[\"紫霞卡\",\"紫霞卡\"]}").code());
        assertEquals("bad_right", refused(DictionaryKind.TYPO, "{\"wrong\":\"紫霞卡\",\"right\":\"紫霞卡\"}").code());
        assertEquals("missing_right", refused(DictionaryKind.TYPO, "{\"wrong\":\"紫霞卡\"}").code());
        assertEquals("bad_type", refused(DictionaryKind.PLACE, "{\"name\":\"测试区\",\"type\":\"county\",\"parent\":\"西安市\"}").code());
        assertEquals("missing_parent", refused(DictionaryKind.PLACE, "{\"name\":\"测试区\",\"type\":\"district\"}").code());
        assertEquals("missing_type", refused(DictionaryKind.PLACE, "{\"name\":\"测试区\",\"parent\":\"西安市\"}").code());
        assertEquals("not_an_object", refused(DictionaryKind.STOPWORD, "[\"哈喽\"]").code());
    }

    @Test
    void theApiShowsEveryFieldOfTheKindWithItsId() {
        assertEquals(Map.of("id", 7L, "word", "紫霞卡", "nature", "n"), codec.toJson(DictionaryEntry.word("紫霞卡", "n").withId(7)));
        assertEquals(List.of("id", "name", "type", "parent", "aliases"),
                List.copyOf(codec.toJson(DictionaryEntry.place("city", "测试市", "", List.of())).keySet()));
    }

    @Test
    void aSnapshotRoundTripsTheShippedListsAndItsHashFollowsTheContent() {
        List<DictionaryEntry> rows = DictionaryEntries.of(NluDictionaries.bundled());
        String text = codec.encodeSnapshot(rows);
        assertEquals(rows, codec.decodeSnapshot(text));
        assertEquals(NluDictionaries.bundled().fingerprint(), DictionaryEntries.toNlu(codec.decodeSnapshot(text)).fingerprint());
        assertEquals(codec.hash(rows), codec.hash(codec.decodeSnapshot(text)));
        List<DictionaryEntry> more = new java.util.ArrayList<>(rows);
        more.add(DictionaryEntry.stopword("哈喽"));
        assertNotEquals(codec.hash(rows), codec.hash(more));
        assertEquals(64, codec.hash(rows).length());
        assertThrows(IllegalArgumentException.class, () -> codec.decodeSnapshot("{\"format\":9}"));
        assertThrows(IllegalArgumentException.class, () -> codec.decodeSnapshot("not json"));
    }
}
