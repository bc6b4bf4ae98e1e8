package org.openhotline.nlu.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.pinyin.PinyinConverter;

class HomophoneRepairerTest {
    static final PinyinConverter PINYIN = new PinyinConverter();
    static final RepairVocabulary KB = RepairVocabulary.of(Map.of(
            "医保", 40, "养老", 30, "公积金", 50, "备案", 12, "异地就医", 9, "报销", 20, "社保卡", 25, "提取", 18), PINYIN);
    final HomophoneRepairer repairer = new HomophoneRepairer(PINYIN);

    @Test
    void repairsMisheardKnowledgeBaseWords() {
        assertEquals("医保怎么报销", repairer.repair("一保怎么报销", KB).text());
        assertEquals("养老保险交几年", repairer.repair("养劳保险交几年", KB).text());
        assertEquals("公积金提取", repairer.repair("公鸡金提取", KB).text());
        assertEquals("异地就医怎么备案", repairer.repair("一地就一怎么被案", KB).text(), "longest span first");
    }

    @Test
    void keepsTheRawTextAndSaysWhatChanged() {
        Repair r = repairer.repair("一保怎么报销", KB);
        assertEquals("一保怎么报销", r.raw());
        assertEquals(1, r.changes().size());
        assertEquals(new Repair.Change(0, "一保", "医保"), r.changes().get(0));
    }

    @Test
    void leavesCorrectTextAndRealWordsAlone() {
        Repair r = repairer.repair("社保卡丢了怎么补办", KB);
        assertFalse(r.changed(), r.toString());
        // 一起 sounds like nothing in the KB; 公司 is a common word, never rewritten
        assertEquals("我们一起去公司", repairer.repair("我们一起去公司", KB).text());
    }

    @Test
    void fuzzyInitialsAndFinalsMatch() {
        // 包消 (bao xiao) is no word of the language: it is the misheard 报销
        assertTrue(repairer.repair("医保包消怎么弄", KB).text().contains("报销"));
    }

    @Test
    void boundedOnOddInput() {
        assertEquals("", repairer.repair("", KB).text());
        assertEquals("abc123", repairer.repair("abc123", KB).text());
        String big = "一保".repeat(20_000);
        assertEquals(big.length(), repairer.repair(big, KB).text().length());
        assertEquals("一保", repairer.repair("一保", RepairVocabulary.empty()).text());
    }
}
