package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/**
 * The call-back list over HTTP on the real product (H2, the sample accounts): group checks, the number shown whole
 * only to the agent who claimed the task, a voice message served as audio/wav by task, refusals with their codes.
 */
class CallbackApiTest {
    static final Path MESSAGES;

    static {
        try {
            MESSAGES = Files.createTempDirectory("hotline-voice-messages");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_TELEPHONY_MESSAGES_DIR", MESSAGES.toString()).build();

    static Callbacks tasks() {
        return server.app().desk().orElseThrow().callbacks();
    }

    @Test
    void anAgentClaimsCallsBackAndRecordsTheOutcomeAnotherGroupsAgentCannotTouchIt() throws Exception {
        String id = String.valueOf(tasks().create(NewCallback.call(CallbackKind.MISSED_CALL, "13911112222", "医保", "no_agent", "api-call-1")).id());
        DeskSession agent1 = DeskSession.login(server, "agent1", "demo-agent1-2026");   // 社保, 医保, 公积金
        DeskSession agent2 = DeskSession.login(server, "agent2", "demo-agent2-2026");   // 社保 only
        DeskSession supervisor = DeskSession.login(server, "supervisor1", "demo-supervisor1-2026");
        DeskSession editor = DeskSession.login(server, "editor1", "demo-editor1-2026");

        TestServer.assertError(server.get("/api/desk/callbacks"), 401, "not_signed_in");
        TestServer.assertError(editor.call("GET", "/api/desk/callbacks", null), 403, "forbidden");
        JsonNode mine = find(agent1.expect(200, "GET", "/api/desk/callbacks", null), id);
        assertEquals("139****2222", mine.path("phone").asText(), "masked until claimed");
        assertNull(find(agent2.expect(200, "GET", "/api/desk/callbacks", null), id), "agent2 does not see 医保");
        TestServer.assertError(agent2.call("GET", "/api/desk/callbacks?group=" + TestServer.enc("医保"), null), 403, "not_yours");
        TestServer.assertError(agent2.call("POST", "/api/desk/callbacks/" + id + "/claim", "{}"), 403, "not_yours");
        TestServer.assertError(agent2.call("GET", "/api/desk/callbacks/" + id, null), 403, "not_yours");
        assertNotNull(find(supervisor.expect(200, "GET", "/api/desk/callbacks", null), id), "supervisors see every group");
        TestServer.assertError(supervisor.call("POST", "/api/desk/callbacks/" + id + "/claim", "{}"), 403, "forbidden");
        TestServer.assertError(agent1.call("GET", "/api/desk/callbacks?status=later", null), 400, "bad_status");
        TestServer.assertError(agent1.call("GET", "/api/desk/callbacks?limit=0", null), 400, "bad_limit");
        TestServer.assertError(agent1.call("GET", "/api/desk/callbacks?limit=501", null), 400, "bad_limit");
        TestServer.assertError(agent1.call("GET", "/api/desk/callbacks?offset=-1", null), 400, "bad_offset");
        tasks().create(NewCallback.call(CallbackKind.MISSED_CALL, "13911113333", "医保", "no_agent", "api-call-page"));
        JsonNode first = agent1.expect(200, "GET", "/api/desk/callbacks?limit=1", null);
        assertEquals(1, first.path("count").asInt());
        assertTrue(first.path("more").asBoolean(), "another page follows: " + first);
        assertFalse(agent1.expect(200, "GET", "/api/desk/callbacks?limit=500", null).path("more").asBoolean());
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/999999/claim", "{}"), 404, "not_found");
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/abc/claim", "{}"), 404, "not_found");

        JsonNode claimed = agent1.expect(200, "POST", "/api/desk/callbacks/" + id + "/claim", "{}");
        assertEquals("CLAIMED", claimed.path("status").asText());
        assertEquals("13911112222", claimed.path("phone").asText(), "the agent who calls sees the number");
        assertEquals("139****2222", find(supervisor.expect(200, "GET", "/api/desk/callbacks", null), id).path("phone").asText());
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/" + id + "/attempt", "{\"outcome\":\"MAYBE\"}"), 400, "bad_input");
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/" + id + "/attempt", "{\"outcome\":\"REACHED\",\"extra\":1}"), 400,
                "unknown_field");
        JsonNode again = agent1.expect(200, "POST", "/api/desk/callbacks/" + id + "/attempt", "{\"outcome\":\"no_answer\",\"notes\":\"关机\"}");
        assertEquals("OPEN", again.path("status").asText());
        assertEquals(1, again.path("attempts").asInt());
        agent1.expect(200, "POST", "/api/desk/callbacks/" + id + "/claim", "{}");
        JsonNode done = agent1.expect(200, "POST", "/api/desk/callbacks/" + id + "/attempt", "{\"outcome\":\"REACHED\",\"notes\":\"已解答\"}");
        assertEquals("DONE", done.path("status").asText());
        assertEquals("REACHED", done.path("outcome").asText());
        TestServer.assertError(agent1.call("POST", "/api/desk/callbacks/" + id + "/release", "{}"), 409, "bad_state");
        assertNotNull(find(agent1.expect(200, "GET", "/api/desk/callbacks?status=done", null), id));
    }

    @Test
    void aClaimNeedsTheSessionsCsrfToken() throws Exception {
        String id = String.valueOf(tasks().create(NewCallback.call(CallbackKind.ABANDONED, "13933334444", "社保", "abandoned", "api-call-2")).id());
        DeskSession agent2 = DeskSession.login(server, "agent2", "demo-agent2-2026");
        SignedInClient browser = new SignedInClient(server.app().port());
        browser.login("agent2", "demo-agent2-2026");
        TestServer.assertError(browser.send("POST", "/api/desk/callbacks/" + id + "/claim", "{}", null), 403, "csrf");
        assertEquals("OPEN", agent2.expect(200, "GET", "/api/desk/callbacks/" + id, null).path("status").asText());
        assertEquals("CLAIMED", agent2.expect(200, "POST", "/api/desk/callbacks/" + id + "/claim", "{}").path("status").asText());
        assertEquals("OPEN", agent2.expect(200, "POST", "/api/desk/callbacks/" + id + "/release", "{}").path("status").asText());
    }

    @Test
    void aVoiceMessageIsServedAsWavOnlyToThoseWhoSeeTheTask() throws Exception {
        short[] tone = new short[8000];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
        WavFiles.write(MESSAGES.resolve("call-77.wav"), new PcmAudio(tone, 8000));
        Files.writeString(MESSAGES.resolve("secret.txt"), "not for agents");
        String id = String.valueOf(tasks().create(NewCallback.voicemail("13955556666", "call-77", "call-77.wav", 1000)).id()); // default group 12345
        String sneaky = String.valueOf(tasks().create(NewCallback.voicemail("13977778888", "call-78", "../voice/secret.txt", 1000)).id());
        DeskSession agent2 = DeskSession.login(server, "agent2", "demo-agent2-2026");
        DeskSession leader = DeskSession.login(server, "leader1", "demo-leader1-2026");
        JsonNode task = leader.expect(200, "GET", "/api/desk/callbacks/" + id, null);
        assertEquals("VOICEMAIL", task.path("kind").asText());
        assertEquals(1, task.path("voiceSeconds").asInt());
        HttpResponse<byte[]> audio = bytes(leader, task.path("audioUrl").asText());
        assertEquals(200, audio.statusCode());
        assertEquals("audio/wav", audio.headers().firstValue("Content-Type").orElse(""));
        assertEquals("RIFF", new String(audio.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Files.size(MESSAGES.resolve("call-77.wav")), audio.body().length);
        long size = audio.body().length;
        HttpResponse<byte[]> tail = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port()
                + task.path("audioUrl").asText())).header("Cookie", leader.cookie()).header("Range", "bytes=-100").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, tail.statusCode(), "the player can seek in a voice message too");
        assertEquals("bytes " + (size - 100) + "-" + (size - 1) + "/" + size, tail.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(audio.body(), (int) size - 100, (int) size), tail.body());
        TestServer.assertError(agent2.call("GET", "/api/desk/callbacks/" + id + "/audio", null), 403, "not_yours");
        TestServer.assertError(leader.call("GET", "/api/desk/callbacks/" + sneaky + "/audio", null), 404, "no_voice_message");
    }

    private static HttpResponse<byte[]> bytes(DeskSession who, String path) throws Exception {
        HttpResponse<String> probe = who.call("GET", path, null); // the session's cookie and token, then the same request for bytes
        assertEquals(200, probe.statusCode(), probe.body());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path))
                .header("Cookie", who.cookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode t : list.path("tasks")) if (t.path("id").asText().equals(id)) return t;
        return null;
    }
}
