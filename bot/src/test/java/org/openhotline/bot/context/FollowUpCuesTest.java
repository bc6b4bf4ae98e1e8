package org.openhotline.bot.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.lexicon.SynonymTable;

class FollowUpCuesTest {
    static final List<String> LINES = List.of(
            "# a comment",
            "lead: 那 那么",
            "tail: 呢",
            "how: 怎么",
            "function: 怎么 吗",
            "aspect 材料: 材料 资料",
            "action: 备案 报销",
            "domain: 医保 公积金",
            "contrast 就诊: 门诊 住院");

    @Test
    void readsEachKindOfCue() {
        FollowUpCues cues = new FollowUpCues(LINES);
        assertEquals(List.of("那么", "那"), cues.leads(), "longest first, so 那么 is not read as 那 + 么");
        assertEquals("材料", cues.aspectOf("资料"));
        assertNull(cues.aspectOf("门诊"));
        assertTrue(cues.isAction("报销"));
        assertTrue(cues.isDomain("公积金"));
        assertFalse(cues.isDomain("门诊"));
        assertEquals(List.of("就诊"), cues.contrastGroups("住院"));
        assertTrue(cues.isFunction("吗"));
        assertEquals(List.of("怎么"), cues.how());
    }

    @Test
    void synonymsShareTheirHeadWordsCues() {
        FollowUpCues cues = new FollowUpCues(LINES).withSynonyms(new SynonymTable(List.of(List.of("公积金", "住房公积金"), List.of("材料", "证明材料"))));
        assertTrue(cues.isDomain("住房公积金"));
        assertEquals("材料", cues.aspectOf("证明材料"));
        assertFalse(new FollowUpCues(LINES).isDomain("住房公积金"));
    }

    @Test
    void aLineWithoutAKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FollowUpCues(List.of("那 那么")));
    }

    @Test
    void theBundledCuesKnowTheUsualFollowUpWords() {
        FollowUpCues cues = FollowUpCues.bundled();
        assertEquals("材料", cues.aspectOf("材料"));
        assertEquals("网上", cues.aspectOf("网上"));
        assertTrue(cues.contrastGroups("住院").stream().anyMatch(cues.contrastGroups("门诊")::contains));
        assertTrue(cues.leads().contains("那么"));
    }
}
