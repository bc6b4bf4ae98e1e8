package org.openhotline.telephony.ivr;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.voice.prompt.Prompts;

/** The {@code telephony.ivr-lines} items, and the prompt ids the lines' IVRs use (the admin page lists them). */
class IvrLinesTest {

    @Test
    void itemsAreNumberEqualsFile() {
        Map<String, Path> m = IvrLines.parse(List.of("12345 = ivr/12345.yml", "12333=/etc/hotline/12333.yml"));
        assertEquals(Map.of("12345", Path.of("ivr/12345.yml"), "12333", Path.of("/etc/hotline/12333.yml")), m);
        assertEquals(List.of("12345", "12333"), List.copyOf(m.keySet()), "in the order given");
    }

    @Test
    void aMalformedItemIsRefusedNamingIt() {
        for (String bad : List.of("12345", "=a.yml", "12345=", "12 345=a.yml", "sip:12345=a.yml")) {
            var e = assertThrows(IllegalArgumentException.class, () -> IvrLines.parse(List.of(bad)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        var twice = assertThrows(IllegalArgumentException.class, () -> IvrLines.parse(List.of("1=a.yml", "1=b.yml")));
        assertTrue(twice.getMessage().contains("given twice"), twice.getMessage());
    }

    @Test
    void promptIdsOfEveryLineAreListedOnce() {
        IvrLines lines = new IvrLines(engine("line-a.yml"), Map.of("12333", engine("line-b.yml"), "12334", engine("line-b.yml")));
        List<IvrLines.PromptUse> uses = lines.prompts();
        assertEquals(List.of("a-welcome", "b-welcome"), uses.stream().map(IvrLines.PromptUse::id).toList());
        assertEquals(new IvrLines.PromptUse("b-welcome", "Line B. Press one.", Locale.US, "line-b"), uses.get(1));
    }

    private static IvrEngine engine(String file) {
        IvrDefinition d = IvrParser.read(IvrLinesTest.class.getResourceAsStream("/ivr/" + file), file);
        return new IvrEngine(d, new IvrServices(null, null, Map.of(), null, null, Path.of("."), IvrEvents.NONE), new Prompts(null, null));
    }
}
