package org.openhotline.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed (SIGKILL, no shutdown hook) in the middle of a conversation and started again
 * on the same data folder: the citizen's next message continues where they were.
 */
class RestartMidConversationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path data;

    @Test
    void aKilledServerContinuesTheConversationAfterRestart() throws Exception {
        int port = freePort();
        Process first = start(port);
        try {
            awaitHealthy(port, first);
            JsonNode clarify = chat(port, "restart-1", "公积金");
            assertEquals("clarify", clarify.get("type").asText(), clarify.toString());
            String secondOption = clarify.get("candidates").get(1).get("entryId").asText();
            for (String turn : RestartScript.BEFORE_KILL) {
                JsonNode r = chat(port, "restart-2", turn);
                assertEquals("complaint-intake", r.path("flowId").asText(), r.toString());
            }
            first.destroyForcibly().waitFor();
            Process second = start(port);
            try {
                awaitHealthy(port, second);
                JsonNode pick = chat(port, "restart-1", "2");
                assertEquals("answer", pick.get("type").asText(), "the choices offered before the kill are still there: " + pick);
                assertEquals(secondOption, pick.get("entryId").asText());
                RestartScript.checkAfterRestart(chat(port, "restart-2", RestartScript.AFTER_KILL));
            } finally {
                second.destroyForcibly().waitFor();
            }
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    private Process start(int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.openhotline.server.cli.HotlineCli", "serve"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(data.resolve("server-" + System.nanoTime() + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("HOTLINE_DATA", data.toString());
        env.put("HOTLINE_PORT", String.valueOf(port));
        env.put("HOTLINE_SERVER_HOST", "127.0.0.1");
        Path cfg = data.resolve("hotline.yml");
        if (!java.nio.file.Files.exists(cfg)) java.nio.file.Files.writeString(cfg, """
                # the flows call the labelled sample business service, started by the server
                sample-business: {enabled: true}
                # people are always there, so the handoff does not depend on when the test runs
                hours:
                  groups:
                    default: {workday: [24h], weekend: [24h], holiday: [24h]}
                """);
        env.put("HOTLINE_CONFIG", cfg.toString());
        return pb.start();
    }

    private static void awaitHealthy(int port, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "the server process died while starting");
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not become healthy within 3 minutes");
    }

    static JsonNode chat(int port, String session, String text) throws Exception {
        String body = JSON.writeValueAsString(Map.of("sessionId", session, "text", text));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The second conversation of the test: a complaint being taken down when the server dies, finished after. */
    static final class RestartScript {
        static final List<String> BEFORE_KILL = List.of("我要投诉，楼下工地天天夜里施工，噪音很大", "雁塔区小寨东路阳光小区");
        static final String AFTER_KILL = "昨天晚上";

        static void checkAfterRestart(JsonNode reply) {
            assertEquals("flow", reply.get("act").asText(), "the flow goes on after the restart: " + reply);
            assertEquals("complaint-intake", reply.get("flowId").asText());
            assertTrue(reply.get("text").asText().contains("电话"), "the next question is the phone number: " + reply);
        }
    }
}
