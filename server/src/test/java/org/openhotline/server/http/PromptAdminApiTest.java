package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhotline.server.http.TestServer.assertError;
import static org.openhotline.server.http.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/**
 * 提示音 on the whole product with telephony on and a second IVR line: the admin lists the prompts of both IVRs and
 * the music on hold, uploads a recording (stored at 8 kHz, played back), deletes it; bad ids, non-WAV bodies, a missing
 * CSRF token and other roles are refused.
 */
class PromptAdminApiTest {
    static final String DB = "jdbc:h2:mem:prompts" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";
    static final Path LINE = lineIvr();

    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_DATABASE_URL", DB).env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_AUTH_ARGON2_MEMORY_KIB", "64").env("HOTLINE_AUTH_ARGON2_ITERATIONS", "1")
            .env("HOTLINE_TELEPHONY_ENABLED", "true").env("HOTLINE_SIP_PORT", "0")
            .env("HOTLINE_TELEPHONY_IVR_LINES", "12333=" + LINE)
            .env("HOTLINE_TELEPHONY_RTP_PORT_MIN", "43000").env("HOTLINE_TELEPHONY_RTP_PORT_MAX", "43999").build();

    private static Path lineIvr() {
        try {
            Path f = Files.createTempFile("line-12333", ".yml");
            f.toFile().deleteOnExit();
            return Files.writeString(f, """
                    name: line-12333
                    language: zh
                    schedule:
                      - when: always
                        node: main
                    nodes:
                      main:
                        type: hangup
                        prompt: {id: welcome-12333, text: 您好，这里是12333社保热线。}
                    """);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in browser without a page that can send audio bodies. */
    static final class Admin {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf;

        Admin(String user) throws Exception {
            HttpResponse<String> r = send("POST", "/api/auth/login", "application/json",
                    TestServer.JSON.writeValueAsBytes(Map.of("username", user, "password", "demo-" + user + "-2026")), false);
            csrf = ok(r, 200).get("csrf").asText();
        }

        HttpResponse<String> send(String method, String path, String type, byte[] body, boolean withCsrf) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) b.header("Content-Type", type);
            if (withCsrf && csrf != null) b.header("X-CSRF-Token", csrf);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> put(String id, String type, byte[] wav) throws Exception {
            return send("PUT", "/api/admin/telephony/prompts/" + id, type, wav, true);
        }

        HttpResponse<byte[]> audio(String id) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + "/api/admin/telephony/prompts/" + id + "/audio"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        JsonNode list() throws Exception {
            return ok(send("GET", "/api/admin/telephony/prompts", null, null, false), 200);
        }
    }

    static JsonNode prompt(JsonNode list, String id) {
        for (JsonNode p : list.get("prompts")) if (p.get("id").asText().equals(id)) return p;
        throw new AssertionError("no prompt " + id + " in " + list);
    }

    /** {@code seconds} of a 600 Hz tone, 16-bit stereo at 44.1 kHz: what a recorder app saves. */
    static byte[] stereoWav(double seconds) {
        int frames = (int) (44100 * seconds);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + frames * 4).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 2).putInt(44100).putInt(44100 * 4).putShort((short) 4).putShort((short) 16);
        b.putInt(0x61746164).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            short s = (short) (9000 * Math.sin(2 * Math.PI * 600 * i / 44100.0));
            b.putShort(s).putShort(s);
        }
        return b.array();
    }

    @Test
    void theAdminListsUploadsPlaysAndDeletesARecording() throws Exception {
        Admin admin = new Admin("admin");
        JsonNode list = admin.list();
        assertEquals("line-12333", list.get("lines").get("12333").asText());
        JsonNode welcome = prompt(list, "welcome");
        assertTrue(welcome.get("text").asText().contains("欢迎致电12345"), welcome.toString());
        assertEquals("zh", welcome.get("language").asText());
        assertFalse(welcome.get("recorded").asBoolean());
        assertEquals("line-12333", prompt(list, "welcome-12333").get("ivrs").get(0).asText(), "the second line's prompts are listed too");
        assertFalse(prompt(list, "hold-music").get("recorded").asBoolean());

        HttpResponse<String> up = admin.put("hold-music", "audio/wav", stereoWav(2.0));
        assertEquals(2000, ok(up, 200).get("durationMs").asLong(), 5);
        assertTrue(prompt(admin.list(), "hold-music").get("recorded").asBoolean());
        Path stored = HotlineApp.dataDir(server.config()).resolve("prompts/hold-music.wav");
        PcmAudio onDisk = WavFiles.read(stored);
        assertEquals(8000, onDisk.sampleRate(), "stored at 8 kHz mono so a call plays it as it is");
        assertEquals(16000, onDisk.length(), 20);

        HttpResponse<byte[]> played = admin.audio("hold-music");
        assertEquals(200, played.statusCode());
        assertEquals("audio/wav", played.headers().firstValue("Content-Type").orElse(""));
        assertEquals(onDisk, WavFiles.parse(played.body()));

        HttpResponse<byte[]> spoken = admin.audio("welcome-12333"); // no recording: the TTS rendering of its text
        assertEquals(200, spoken.statusCode(), new String(spoken.body()));
        assertTrue(WavFiles.parse(spoken.body()).durationMillis() > 500, "the text spoken");

        assertEquals(204, admin.send("DELETE", "/api/admin/telephony/prompts/hold-music", null, null, true).statusCode());
        assertFalse(Files.exists(stored));
        assertFalse(prompt(admin.list(), "hold-music").get("recorded").asBoolean());
        assertError(admin.send("DELETE", "/api/admin/telephony/prompts/hold-music", null, null, true), 404, "no_recording");
        assertError(asString(admin.audio("hold-music")), 404, "no_recording");
    }

    @Test
    void badIdsBodiesAndCallersAreRefused() throws Exception {
        Admin admin = new Admin("admin");
        for (String id : List.of("bad%20id", "welcome.fr", "..", "a.wav", "%E6%AC%A2%E8%BF%8E")) {
            assertError(admin.put(id, "audio/wav", stereoWav(0.1)), 400, "bad_id");
        }
        assertError(admin.put("welcome", "audio/wav", "RIFF....WAVEnot really".getBytes()), 400, "bad_wav");
        HttpResponse<String> mp3 = admin.put("welcome", "audio/wav", "ID3\u0003 an mp3".getBytes());
        assertError(mp3, 400, "bad_wav");
        assertTrue(TestServer.JSON.readTree(mp3.body()).get("message").asText().contains("RIFF/WAVE"), mp3.body());
        assertError(admin.put("welcome", "application/json", stereoWav(0.1)), 415, "not_wav");
        assertError(admin.put("welcome", "audio/wav", new byte[10 * 1024 * 1024 + 1]), 413, "body_too_large");
        assertError(admin.send("PUT", "/api/admin/telephony/prompts/welcome", "audio/wav", stereoWav(0.1), false), 403, "csrf");
        for (String notAdmin : List.of("supervisor1", "leader1", "agent1")) {
            Admin other = new Admin(notAdmin);
            assertError(other.send("GET", "/api/admin/telephony/prompts", null, null, false), 403, "forbidden");
            assertError(other.put("welcome", "audio/wav", stereoWav(0.1)), 403, "forbidden");
        }
        assertFalse(prompt(admin.list(), "welcome").get("recorded").asBoolean(), "nothing refused was stored");
        List<String> left = new ArrayList<>();
        Path dir = HotlineApp.dataDir(server.config()).resolve("prompts");
        if (Files.isDirectory(dir)) try (var s = Files.list(dir)) { s.forEach(p -> left.add(p.getFileName().toString())); }
        assertEquals(List.of(), left.stream().filter(n -> n.startsWith("welcome") || n.endsWith(".tmp")).toList());
    }

    private static HttpResponse<String> asString(HttpResponse<byte[]> r) {
        return new HttpResponse<>() {
            public int statusCode() { return r.statusCode(); }
            public HttpRequest request() { return r.request(); }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return r.headers(); }
            public String body() { return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8); }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return r.sslSession(); }
            public URI uri() { return r.uri(); }
            public HttpClient.Version version() { return r.version(); }
        };
    }
}
