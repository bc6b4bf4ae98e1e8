package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.gazetteer.Gazetteer;
import org.openhotline.nlu.lexicon.TypoDictionary;

class PersonalDataMaskerTest {
    private final PersonalDataMasker masker = new PersonalDataMasker(new EntityExtractor());

    @Test
    void idPhoneCardAndNameAreMasked() {
        assertEquals("我叫张*，身份证610***********4455，电话139****4567",
                masker.mask("我叫张伟，身份证610113197410294455，电话13991234567", Found.NOW));
        assertEquals("卡号****7040，公积金", masker.mask("卡号6222027564794477040，公积金", Found.NOW));
        assertEquals("身份证号 610***********109x 最后", masker.mask("身份证号 61011619770412109x 最后", Found.NOW));
    }

    @Test
    void separatorsAndSpokenDigitsKeepTheirShape() {
        assertEquals("手机号是 138 **** 5512", masker.mask("手机号是 138 9203 5512", Found.NOW));
        assertEquals("电话幺三八 **** 七七零四", masker.mask("电话幺三八 幺九二六 七七零四", Found.NOW));
    }

    @Test
    void namesKeepTheSurname() {
        assertEquals("张*", PersonalDataMasker.maskName("张伟"));
        assertEquals("欧阳**", PersonalDataMasker.maskName("欧阳娜娜"));
        assertEquals("郭**", PersonalDataMasker.maskName("郭晓燕"));
        assertEquals("王科长", PersonalDataMasker.maskName("王科长"), "a surname and a title name nobody");
    }

    @Test
    void otherEntitiesAndOutOfRangeSpansAreLeftAlone() {
        String text = "明天去雁塔区";
        List<Entity> es = List.of(new Entity(EntityType.DATE, "2026-11-24", 0, 2, 1),
                new Entity(EntityType.PHONE, "13991234567", 3, 40, 1));
        assertEquals(text, masker.mask(text, es));
    }

    @Test
    void aLogLineLongerThanTheExtractorCapIsMaskedToTheEnd() {
        PersonalDataMasker small = new PersonalDataMasker(new EntityExtractor(Gazetteer.bundled(), TypoDictionary.bundled(), 200));
        String line = "好".repeat(190) + "电话13991234567" + "，".repeat(500) + "卡号6222027564794477040";
        String masked = small.mask(line, Found.NOW);
        assertFalse(masked.contains("13991234567"), "a number across a window edge is still found");
        assertFalse(masked.contains("6222027564794477040"));
        assertTrue(masked.contains("139****4567") && masked.contains("****7040"));
        assertEquals(line.length() - "6222027564794477040".length() + "****7040".length(), masked.length());
    }
}
