package org.openhotline.nlu.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.nlu.gazetteer.Gazetteer;
import org.openhotline.nlu.lexicon.TypoDictionary;

class EntityExtractorTest {
    private static final EntityExtractor EXTRACTOR = new EntityExtractor();

    private static List<String> typed(String text) {
        return EXTRACTOR.extract(text, Found.NOW).entities().stream()
                .map(e -> e.type().wireName() + ":" + e.value() + "@" + text.substring(e.start(), e.end())).toList();
    }

    @Test
    void everyKindInOneMessageInTextOrder() {
        assertEquals(List.of("person:张伟@张伟", "id_card:610113197410294455@610113197410294455", "district:雁塔区@雁塔区",
                "insurance_type:医疗@医保", "duration:P6M@半年"),
                typed("我叫张伟，身份证610113197410294455，在雁塔区上班，医保断交了半年怎么补"));
    }

    @Test
    void aValidIdIsNotAlsoABankCardOrAPhone() {
        // 610502198404032501 also passes the Luhn check
        assertTrue(BankCardRecognizer.isValid("610502198404032501"));
        assertEquals(List.of("id_card:610502198404032501@610502198404032501"), typed("身份证610502198404032501，渭南人"));
    }

    @Test
    void longestReadingWinsThenTheMoreSpecificType() {
        Entity phone = new Entity(EntityType.PHONE, "x", 0, 11, 0.9);
        Entity id = new Entity(EntityType.ID_CARD, "y", 0, 18, 0.5);
        Entity card = new Entity(EntityType.BANK_CARD, "z", 0, 18, 0.99);
        assertEquals(List.of(id), EntityExtractor.resolve(List.of(phone, card, id)));
        Entity date = new Entity(EntityType.DATE, "2024-03-05", 0, 9, 0.9);
        Entity shorter = new Entity(EntityType.DATE, "2026-03-05", 5, 9, 0.9);
        assertEquals(List.of(date), EntityExtractor.resolve(List.of(shorter, date)));
    }

    @Test
    void offsetsIndexTheOriginalEvenWithFullWidthDigitsAndTraditionalCharacters() {
        String text = "醫保卡號碼？電話：１３９９１２３４５６７";
        List<Entity> es = EXTRACTOR.extract(text, Found.NOW).entities();
        Entity phone = es.stream().filter(e -> e.type() == EntityType.PHONE).findFirst().orElseThrow();
        assertEquals("13991234567", phone.value());
        assertEquals("１３９９１２３４５６７", text.substring(phone.start(), phone.end()));
        assertEquals("医疗", es.get(0).value());
        assertEquals("醫保", text.substring(es.get(0).start(), es.get(0).end()));
    }

    @Test
    void sameLengthTyposAreReadCorrected() {
        assertEquals(List.of("insurance_type:养老@养劳保险"), typed("养劳保险交了多少"));
    }

    @Test
    void emptyAndNullInput() {
        assertEquals(List.of(), EXTRACTOR.extract("", Found.NOW).entities());
        assertEquals(List.of(), EXTRACTOR.extract(null, Found.NOW).entities());
        assertEquals(List.of(), EXTRACTOR.extract("   \t\n", Found.NOW).entities());
        assertFalse(EXTRACTOR.extract(null, null).truncated());
    }

    @Test
    void controlCharactersAndLoneSurrogates() {
        String text = "电话\u0000139\uD800912\u0007345\uDC0067，\u001b明天\uDBFF";
        Extraction x = EXTRACTOR.extract(text, Found.NOW);
        assertEquals(List.of("2026-11-24"), x.ofType(EntityType.DATE).stream().map(Entity::value).toList());
        // the control characters read as separators: the number is still found, which is what masking needs
        Entity phone = x.ofType(EntityType.PHONE).get(0);
        assertEquals("13991234567", phone.value());
        assertEquals("139\uD800912\u0007345\uDC0067", text.substring(phone.start(), phone.end()));
        String emoji = "电话13991234567😀我叫张伟👍🏻";
        assertEquals(List.of("phone:13991234567@13991234567", "person:张伟@张伟"), typed(emoji));
    }

    @Test
    void hundredKilobytesIsCutReportedAndFast() {
        String big = "我叫张伟，电话13991234567。".repeat(6000); // ~108,000 chars
        Extraction x = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> EXTRACTOR.extract(big, Found.NOW));
        assertTrue(x.truncated());
        assertEquals(EntityExtractor.DEFAULT_MAX_CHARS, x.scannedChars());
        assertFalse(x.entities().isEmpty());
        assertTrue(x.entities().stream().allMatch(e -> e.end() <= EntityExtractor.DEFAULT_MAX_CHARS));
    }

    @Test
    void aTenThousandDigitNumberIsNoEntity() {
        String digits = "1399123456" + "7".repeat(9_990);
        Extraction x = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> new EntityExtractor(Gazetteer.bundled(), TypoDictionary.bundled(), 20_000).extract(digits, Found.NOW));
        assertEquals(List.of(), x.entities());
        String spaced = "1 ".repeat(5_000);
        assertEquals(List.of(), new EntityExtractor(Gazetteer.bundled(), TypoDictionary.bundled(), 20_000).extract(spaced, Found.NOW).entities());
        String chinese = "一二三四五六七八九十百千万亿".repeat(300);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> EXTRACTOR.extract(chinese, Found.NOW));
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 300; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                int pick = random.nextInt(5);
                b.append(switch (pick) {
                    case 0 -> (char) random.nextInt(0x10000);
                    case 1 -> "0123456789".charAt(random.nextInt(10));
                    case 2 -> "零一二三四五六七八九十百千万幺两半年月日号周个块元".charAt(random.nextInt(25));
                    case 3 -> " -()/.:X".charAt(random.nextInt(8));
                    default -> "我叫张公司银行医保养老区县上下这个月天".charAt(random.nextInt(19));
                });
            }
            String s = b.toString();
            for (Entity e : EXTRACTOR.extract(s, Found.NOW).entities()) {
                assertTrue(e.start() >= 0 && e.end() <= s.length() && e.start() < e.end(), s);
            }
        }
    }
}
