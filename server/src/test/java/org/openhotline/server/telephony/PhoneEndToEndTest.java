package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.Await;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * The product answers a phone call: telephony.enabled with an IVR file from the settings, prompts spoken in
 * Mandarin by espeak-ng, a key pressed as an RFC 4733 event leads to a voice message saved under the data folder,
 * which becomes a call-back task; a transfer nobody takes becomes one too.
 */
class PhoneEndToEndTest {
    @TempDir
    static Path data;
    static HotlineApp app;

    @BeforeAll
    static void start() throws Exception {
        Path ivr = data.resolve("ivr.yml");
        Files.writeString(ivr, """
                name: e2e
                schedule:
                  - {when: always, node: main}
                nodes:
                  main:
                    type: menu
                    prompt: 您好，留言请按1。
                    choices: {"1": message, "0": agent}
                  agent:
                    type: transfer
                    group: 社保
                    next: bye
                  message:
                    type: voicemail
                    prompt: 请在提示音后留言，说完请按井号键。
                    max-seconds: 20
                    next: bye
                  bye:
                    type: hangup
                """);
        Path file = data.resolve("hotline.yml");
        Files.writeString(file, """
                desk:
                  groups:
                    - {code: "社保", name: "社保", strategy: least-busy, queue-timeout-seconds: 4}
                """);
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivr.toString(), "HOTLINE_SERVER_ADMIN_TOKEN", "t0ken",
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", "41000", "HOTLINE_TELEPHONY_RTP_PORT_MAX", "41999"));
        app = new HotlineApp(config).start(ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCallerLeavesAVoiceMessageByKeypad() throws Exception {
        int port = app.telephony().orElseThrow().sipPort();
        try (SipUserAgent phone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(42000, 42999), c -> {})) {
            SipCall call = phone.dial("sip:hotline@127.0.0.1:" + port, "13900001111", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            Heard heard = Heard.on(call);
            Await.until(() -> heard.loud() > 0, "the IVR greets the caller"); // a key sent before the IVR listens would be lost
            call.sendDtmf('1');
            Await.until(() -> heard.beeps() >= 10, "the 1 kHz tone after the message prompt"); // not a guess at how long they take
            short[] voice = new short[8000 * 2];
            for (int i = 0; i < voice.length; i++) voice[i] = (short) (9000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
            call.media().play(voice).done().get(30, TimeUnit.SECONDS);
            call.sendDtmf('#');
            assertNotNull(call.ended().get(20, TimeUnit.SECONDS), "the IVR hangs up after the message");
        }
        try (Stream<Path> files = Files.list(data.resolve("voice-messages"))) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".wav")).count());
        }
        var tasks = app.desk().orElseThrow().callbacks().list(new org.openhotline.desk.callback.CallbackViewer("test", java.util.List.of(), true),
                null, null).stream().filter(t -> "13900001111".equals(t.phone())).toList();
        assertEquals(1, tasks.size(), tasks.toString());
        assertEquals(org.openhotline.desk.callback.CallbackKind.VOICEMAIL, tasks.getFirst().kind());
        assertTrue(Files.isRegularFile(data.resolve("voice-messages").resolve(tasks.getFirst().voiceFile())), tasks.toString());
    }

    @Test
    void aTransferNobodyTakesBeforeTheQueueTimeoutIsOnTheCallbackListOfTheAdminApi() throws Exception {
        int port = app.telephony().orElseThrow().sipPort();
        try (SipUserAgent phone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(43000, 43999), c -> {})) {
            SipCall call = phone.dial("sip:hotline@127.0.0.1:" + port, "13900002222", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            Heard heard = Heard.on(call);
            Await.until(() -> heard.loud() > 0, "the IVR greets the caller");
            call.sendDtmf('0');
            assertNotNull(call.ended().get(30, TimeUnit.SECONDS), "nobody online until the queue timeout: the IVR says goodbye");
        }
        var http = java.net.http.HttpClient.newHttpClient();
        var list = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/admin/telephony/missed-calls"))
                .header("Authorization", "Bearer t0ken").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"caller\":\"13900002222\"") && list.body().contains("\"reason\":\"unanswered\""), list.body());
        var anonymous = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/admin/telephony/missed-calls"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }
}
