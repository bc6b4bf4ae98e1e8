package org.openhotline.bot.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillGroupsTest {
    @Test
    void theLongestConfiguredCategoryPrefixWins() {
        SkillGroups g = SkillGroups.parse(List.of("医保=医保", "医保/异地就医=异地结算", "社保"), "12345");
        assertEquals("医保", g.of("医保/报销"));
        assertEquals("异地结算", g.of("医保/异地就医"));
        assertEquals("社保", g.of("社保/社保卡"));
        assertEquals("12345", g.of("公积金/提取"));
        assertEquals("12345", g.of(null));
        assertEquals("12345", g.of("医保卡"), "a prefix must end at a path boundary");
    }

    @Test
    void aMalformedMappingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SkillGroups.parse(List.of("=医保"), "x"));
    }
}
