package org.openhotline.eval.phone;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The IVR load bench runs end to end on a small load: sipp's calls answered, keys heard and measured. */
class IvrLoadBenchTest {

    @Test
    void twoCallersAreAnsweredAndEveryKeyIsMeasured() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        IvrLoadBench.Result r = IvrLoadBench.run(2, 2, 5, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(0, r.sippExit(), buf.toString(StandardCharsets.UTF_8));
        assertEquals(2, r.answered());
        assertEquals(4, r.dtmfIn(), "two presses of 1 per caller (at 1.5 s and 3.5 s)");
        assertEquals(4, r.keys(), "each key was followed by the other menu's prompt");
        assertTrue(r.packetsIn() > 400, "the callers' audio arrived: " + r.packetsIn());
        assertEquals(0, r.malformed());
    }
}
