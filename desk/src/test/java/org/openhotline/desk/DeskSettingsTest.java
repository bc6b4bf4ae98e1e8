package org.openhotline.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.group.RoutingStrategy;

/** The {@code desk} section as YAML and environment overrides give it: numbers as text, integer keys, bad values named. */
class DeskSettingsTest {
    @Test
    void defaultsMakeAWorkingDesk() {
        DeskSettings d = DeskSettings.defaults();
        assertEquals(Duration.ofSeconds(60), d.wrapUp());
        assertEquals("12345", d.groups().get(0).code());
        assertTrue(d.endReasons().containsKey("solved"));
        assertTrue(d.text("queued").contains("%d"));
    }

    @Test
    void readsGroupsRulesTagsAndTextValues() {
        Map<String, Object> tree = Map.of("wrap-up-seconds", "90", "auto-accept", "true", "sticky-hours", 24,
                "groups", List.of(Map.of("code", "医保", "strategy", "round-robin", "saturation", "3", "overflow", "12345", "overflow-after-seconds", 120)),
                "priority", List.of("channel=wechat:5"), "end-reasons", List.of("solved=已解决"),
                "rating-tags", Map.of(5, List.of("态度好"), "1", List.of("没解决")), "texts", Map.of("welcome", "您好！"));
        DeskSettings d = DeskSettings.fromTree(tree);
        assertEquals(Duration.ofSeconds(90), d.wrapUp());
        assertTrue(d.autoAccept());
        assertEquals(Duration.ofHours(24), d.stickyWithin());
        assertEquals(RoutingStrategy.ROUND_ROBIN, d.groups().get(0).strategy());
        assertEquals(3, d.groups().get(0).saturation());
        assertEquals("12345", d.groups().get(0).overflowGroup());
        assertEquals(List.of("态度好"), d.ratingTags().get(5));
        assertEquals(List.of("没解决"), d.ratingTags().get(1));
        assertEquals(Map.of("solved", "已解决"), d.endReasons());
        assertEquals("您好！", d.text("welcome"));
        assertEquals(1, d.priority().rules().size());
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeskSettings.fromTree(Map.of("wrap-up-seconds", "soon")));
        assertTrue(e.getMessage().contains("desk.wrap-up-seconds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeskSettings.fromTree(Map.of("priority", List.of("ip=1.2.3.4:5"))));
        assertThrows(IllegalArgumentException.class, () -> DeskSettings.fromTree(Map.of("groups", List.of(Map.of("code", "x", "strategy", "random")))));
    }
}
