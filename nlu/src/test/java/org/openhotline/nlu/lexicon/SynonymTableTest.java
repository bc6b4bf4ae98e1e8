package org.openhotline.nlu.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymTableTest {

    @Test
    void everyMemberMapsToTheGroupHead() {
        SynonymTable t = new SynonymTable(List.of(List.of("社保卡", "社会保障卡", "社保卡片"), List.of("医保", "医疗保险")));
        assertEquals("社保卡", t.canonical("社会保障卡"));
        assertEquals("社保卡", t.canonical("社保卡片"));
        assertEquals("社保卡", t.canonical("社保卡"));
        assertEquals("医保", t.canonical("医疗保险"));
        assertEquals(5, t.size());
    }

    @Test
    void unknownWordIsItsOwnCanonicalForm() {
        SynonymTable t = new SynonymTable(List.of(List.of("医保", "医疗保险")));
        assertEquals("公积金", t.canonical("公积金"));
    }

    @Test
    void singleWordGroupsAreIgnored() {
        SynonymTable t = new SynonymTable(List.of(List.of("医保")));
        assertEquals(0, t.size());
        assertFalse(t.words().contains("医保"));
    }

    @Test
    void aWordInTwoGroupsKeepsTheFirstGroupsHead() {
        SynonymTable t = new SynonymTable(List.of(List.of("退休金", "养老金"), List.of("养老金", "退休工资")));
        assertEquals("退休金", t.canonical("养老金"));
        assertEquals("养老金", t.canonical("退休工资"));
    }

    @Test
    void wordsListsEveryMember() {
        SynonymTable t = new SynonymTable(List.of(List.of("补办", "补领", "重办")));
        assertEquals(3, t.words().size());
        assertTrue(t.words().containsAll(List.of("补办", "补领", "重办")));
    }
}
