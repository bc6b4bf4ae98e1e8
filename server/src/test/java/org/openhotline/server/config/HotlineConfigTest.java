package org.openhotline.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotlineConfigTest {

    @Test
    void defaultsComeFromTheJar() {
        HotlineConfig c = HotlineConfig.defaultsOnly();
        assertEquals(8080, c.integer("server.port"));
        assertEquals("./data", c.string("data.dir"));
        assertTrue(c.decimal("bot.answer-threshold") > c.decimal("bot.clarify-threshold"));
    }

    @Test
    void shortAndLongEnvironmentNamesOverrideTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hotline.yml");
        Files.writeString(file, "server:\n  port: 9000\nbot:\n  answer-margin: 0.1\n");
        HotlineConfig c = HotlineConfig.load(file, Map.of(
                "HOTLINE_PORT", "9100", "HOTLINE_DATA", "/srv/hotline", "HOTLINE_BOT_ANSWER_THRESHOLD", "0.9",
                "HOTLINE_BOT_HOT_QUESTIONS", "si-001, hf-002"));
        assertEquals(9100, c.integer("server.port"));
        assertEquals("/srv/hotline", c.string("data.dir"));
        assertEquals(0.9, c.decimal("bot.answer-threshold"));
        assertEquals(0.1, c.decimal("bot.answer-margin"));
        assertEquals(List.of("si-001", "hf-002"), c.list("bot.hot-questions"));
    }

    @Test
    void aTypoInTheFileIsReportedNotIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hotline.yml");
        Files.writeString(file, "server:\n  prot: 9000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> HotlineConfig.load(file, Map.of()));
        assertTrue(e.getMessage().contains("server.prot"), e.getMessage());
    }

    @Test
    void aWrongTypeIsNamed() {
        HotlineConfig c = HotlineConfig.load(null, Map.of("HOTLINE_PORT", "eighty"));
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("server.port"));
        assertTrue(e.getMessage().contains("server.port"));
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThrows(ConfigException.class, () -> HotlineConfig.load(Path.of("/nonexistent/hotline.yml"), Map.of()));
    }
}
