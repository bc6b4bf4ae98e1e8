package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;

/** {@code telephony.ivr-lines} from the environment: each file read and checked; a bad item or file stops the start naming it. */
class IvrLinesConfigTest {
    @TempDir Path dir;

    private static HotlineConfig config(String lines) {
        return HotlineConfig.load(null, Map.of("HOTLINE_TELEPHONY_IVR_LINES", lines));
    }

    @Test
    void eachNumberGetsItsCheckedIvr() throws Exception {
        Path f = Files.writeString(dir.resolve("12333.yml"), """
                name: social-security
                schedule: [{when: always, node: main}]
                nodes:
                  main: {type: hangup, prompt: 您好}
                """);
        var lines = TelephonyWiring.lineIvrs(config("12333=" + f));
        assertEquals(List.of("12333"), List.copyOf(lines.keySet()));
        assertEquals("social-security", lines.get("12333").name());
        assertEquals(Map.of(), TelephonyWiring.lineIvrs(HotlineConfig.load(null, Map.of())), "none by default");
    }

    @Test
    void aMalformedItemOrABadFileStopsTheStartNamingIt() throws Exception {
        var malformed = assertThrows(ConfigException.class, () -> TelephonyWiring.lineIvrs(config("12333:" + dir)));
        assertTrue(malformed.getMessage().contains("telephony.ivr-lines") && malformed.getMessage().contains("12333:"), malformed.getMessage());
        var missing = assertThrows(ConfigException.class, () -> TelephonyWiring.lineIvrs(config("12333=" + dir.resolve("nope.yml"))));
        assertTrue(missing.getMessage().contains("12333") && missing.getMessage().contains("nope.yml"), missing.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.yml"), "name: x\nnodes:\n  main: {type: menu, prompt: hi, choices: {\"1\": nowhere}}\n");
        var bad = assertThrows(ConfigException.class, () -> TelephonyWiring.lineIvrs(config("12333=" + broken)));
        assertTrue(bad.getMessage().contains("broken.yml"), bad.getMessage());
    }
}
