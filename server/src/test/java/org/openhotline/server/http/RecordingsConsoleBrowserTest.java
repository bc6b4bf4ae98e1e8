package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.telephony.TelephonyWiring;
import org.openhotline.telephony.recording.CallRecorder;

/**
 * Call recordings in the console on the real product: two calls recorded through the telephony recorder into the
 * server's index; agent1 lists only their own and is refused the other's audio, a group leader lists both, bad
 * filters are clear 400s; in Chromium the 通话录音 tab shows the row, the player gets the stereo WAV as its source
 * (its duration loads) and a Range request for it is answered 206.
 */
class RecordingsConsoleBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true").build();
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    @BeforeAll
    static void twoRecordedCalls() throws Exception {
        Path dir = TelephonyWiring.recordingsDir(server.config(), HotlineApp.dataDir(server.config()));
        record(dir, "call-of-agent1", "13800138000", "agent1", 150);
        record(dir, "call-of-agent2", "13911112222", "agent2", 50);
    }

    private static void record(Path dir, String callId, String caller, String agent, int frames) {
        CallRecorder rec = CallRecorder.start(dir, server.app().recordings(), callId, caller, "社保", agent);
        short[] caller400 = new short[160], agent1k = new short[160];
        for (int f = 0, n = 0; f < frames; f++) {
            for (int i = 0; i < 160; i++, n++) {
                caller400[i] = (short) (6000 * Math.sin(2 * Math.PI * 400 * n / 8000.0));
                agent1k[i] = (short) (6000 * Math.sin(2 * Math.PI * 1000 * n / 8000.0));
            }
            rec.onSent(agent1k);
            rec.onAudio(caller400);
        }
        assertNotNull(rec.finish("caller_hangup"));
    }

    @Test
    void agentsListTheirOwnCallsLeadersEveryCallAndBadFiltersAreRefused() throws Exception {
        SignedInClient agent = new SignedInClient(server.app().port());
        agent.login("agent1", "demo-agent1-2026");
        JsonNode mine = SignedInClient.json(agent.call("GET", "/api/desk/recordings", null));
        assertEquals(1, mine.get("count").asInt(), mine.toString());
        JsonNode row = mine.get("recordings").get(0);
        assertEquals("13800138000", row.get("caller").asText());
        assertEquals(3000, row.get("durationMs").asLong());
        assertEquals("caller_hangup", row.get("endReason").asText());

        SignedInClient leader = new SignedInClient(server.app().port());
        leader.login("leader1", "demo-leader1-2026");
        JsonNode all = SignedInClient.json(leader.call("GET", "/api/desk/recordings", null));
        assertEquals(2, all.get("count").asInt(), all.toString());
        assertEquals(1, SignedInClient.json(leader.call("GET", "/api/desk/recordings?caller=1111", null)).get("count").asInt());
        assertEquals(1, SignedInClient.json(leader.call("GET", "/api/desk/recordings?agent=agent2", null)).get("count").asInt());
        assertEquals(0, SignedInClient.json(leader.call("GET", "/api/desk/recordings?to=2001-01-01", null)).get("count").asInt());
        long others = all.get("recordings").findValues("agentId").stream().map(JsonNode::asText).toList().indexOf("agent2");
        String otherAudio = all.get("recordings").get((int) others).get("audio").asText();

        var callerSide = agent.call("GET", row.get("audio").asText() + "?channel=caller", null);
        assertEquals(200, callerSide.statusCode());
        assertEquals(String.valueOf(44 + 3 * 8000 * 2), callerSide.headers().firstValue("Content-Length").orElse(""), "mono: half the samples");
        assertEquals("bad_channel", SignedInClient.json(agent.call("GET", row.get("audio").asText() + "?channel=left", null)).get("error").asText());

        var refused = agent.call("GET", otherAudio, null);
        assertEquals(403, refused.statusCode());
        assertEquals("not_yours", SignedInClient.json(refused).get("error").asText());
        for (var bad : Map.of("/api/desk/recordings?limit=0", "bad_limit", "/api/desk/recordings?from=yesterday", "bad_from",
                "/api/desk/recordings/x/audio", "bad_id", "/api/desk/recordings/999999/audio", "not_found").entrySet()) {
            var r = leader.call("GET", bad.getKey(), null);
            assertEquals(bad.getValue(), SignedInClient.json(r).get("error").asText(), bad.getKey() + " → " + r.body());
        }
        assertEquals(401, new SignedInClient(server.app().port()).call("GET", "/api/desk/recordings", null).statusCode());
    }

    /** What players and download tools ask for: the end of the file, from an offset to the end, and past the end. */
    @Test
    void rangesGiveTheRightBytesAndOneBeyondTheEndIs416() throws Exception {
        SignedInClient agent = new SignedInClient(server.app().port());
        agent.login("agent1", "demo-agent1-2026");
        String audio = SignedInClient.json(agent.call("GET", "/api/desk/recordings", null)).get("recordings").get(0).get("audio").asText();
        long size = 44 + 3 * 8000 * 4;
        byte[] whole = agent.range(audio, null).body();
        assertEquals(size, whole.length);

        var tail = agent.range(audio, "bytes=-500");
        assertEquals(206, tail.statusCode());
        assertEquals("bytes " + (size - 500) + "-" + (size - 1) + "/" + size, tail.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, (int) size - 500, (int) size), tail.body(), "the last 500 bytes");

        var rest = agent.range(audio, "bytes=0-");
        assertEquals(206, rest.statusCode());
        assertArrayEquals(whole, rest.body(), "from the start to the end, not a chunk of it");

        var beyond = agent.range(audio, "bytes=" + size + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + size, beyond.headers().firstValue("Content-Range").orElse(""));

        long mono = 44 + 3 * 8000 * 2;
        var side = agent.range(audio + "?channel=agent", "bytes=-2");
        assertEquals(206, side.statusCode());
        assertEquals("bytes " + (mono - 2) + "-" + (mono - 1) + "/" + mono, side.headers().firstValue("Content-Range").orElse(""));
        assertEquals(2, side.body().length);
    }

    @Test
    void theRecordingsTabShowsTheCallAndThePlayerGetsASeekableSource() {
        Page page = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        page.locator("#tab-recordings").click();
        var rows = page.locator("#recording-rows tr[data-recording]");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("13800138000");
        assertThat(rows.first()).containsText("0:03");
        rows.first().locator("button.play").click();
        assertThat(page.locator("#recording-player")).hasAttribute("src", java.util.regex.Pattern.compile("/api/desk/recordings/\\d+/audio$"));
        page.waitForFunction("() => document.querySelector('#recording-player').duration > 2.9");
        Object status = page.evaluate("async () => { const r = await fetch(document.querySelector('#recording-player').src,"
                + " { headers: { Range: 'bytes=44-1043' } }); const b = await r.arrayBuffer();"
                + " return [r.status, r.headers.get('Content-Range'), b.byteLength]; }");
        // Javalin answers an audio range with up to 128 KB from its start, whatever its end: the player asks again
        List<?> got = (List<?>) status;
        assertEquals(206, got.get(0));
        assertTrue(String.valueOf(got.get(1)).matches("bytes 44-\\d+/" + (44 + 3 * 8000 * 4)), "Content-Range " + got.get(1));
        assertTrue(((Number) got.get(2)).intValue() >= 1000);
        DeskBrowser.screenshot(page, "console-recordings.png");
        page.locator("#tab-recordings").click();
        assertThat(page.locator(".desk")).isVisible();
    }
}
