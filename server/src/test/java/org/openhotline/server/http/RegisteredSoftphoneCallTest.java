package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;
import static org.openhotline.server.http.TestServer.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.presence.Presence;
import org.openhotline.server.Await;
import org.openhotline.server.telephony.Baresip;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Issue 8's "the agent registers a softphone to OpenHotline", on the whole product with no {@code telephony.agent-phones}:
 * baresip registers with the agent's SIP password, the agent goes online over the desk API, a caller walks the bundled
 * sample IVR to a transfer and the registered phone rings, answers and talks; the recording names the chat. An online
 * agent without a registered phone is not offered calls until their phone registers, and no longer once it unregisters
 * or its binding runs out.
 */
class RegisteredSoftphoneCallTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_AUTH_ARGON2_MEMORY_KIB", "64").env("HOTLINE_AUTH_ARGON2_ITERATIONS", "1")
            .env("HOTLINE_TELEPHONY_ENABLED", "true").env("HOTLINE_SIP_PORT", "0")
            .env("HOTLINE_TELEPHONY_PHONE_MIN_EXPIRES_SECONDS", "2") // so a phone that vanished expires within the test
            .env("HOTLINE_TELEPHONY_RTP_PORT_MIN", "38000").env("HOTLINE_TELEPHONY_RTP_PORT_MAX", "38499")
            .env("HOTLINE_HOURS_CALENDAR_DIR", calendarWithoutHolidays())
            .configYaml("""
                    desk:
                      offer-seconds: 40
                      wrap-up-seconds: 1
                    telephony:
                      position-every-seconds: 3
                      agent-ring-seconds: 5
                    """).build();

    @TempDir
    Path dir;

    /**
     * Year files with no holidays for this year and the next, replacing the bundled ones: the sample IVR greets callers
     * on a public holiday with another menu (no 0 for an agent), and this test must not fail on such a date.
     */
    private static String calendarWithoutHolidays() {
        try {
            Path dir = Files.createTempDirectory("no-holidays");
            dir.toFile().deleteOnExit(); // after its files: deleteOnExit goes in reverse order
            int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
            for (int y : new int[] {year - 1, year, year + 1}) {
                Path file = Files.writeString(dir.resolve("cn-" + y + ".yml"), "year: " + y + "\nsource: test, no holidays\nholidays: []\nworkdays: []\n");
                file.toFile().deleteOnExit();
            }
            return dir.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Desk desk() {
        return server.app().desk().orElseThrow();
    }

    int sipPort() {
        return server.app().telephony().orElseThrow().sipPort();
    }

    String idOf(String username) {
        return String.valueOf(server.app().auth().accounts().byUsername(username).orElseThrow().id());
    }

    @BeforeEach
    void everyoneOffline() {
        for (String user : List.of("agent1", "agent2", "leader1")) desk().presence(idOf(user), Presence.OFFLINE);
    }

    SignedInClient online(String user) throws Exception {
        SignedInClient c = new SignedInClient(server.app().port());
        ok(c.login(user, "demo-" + user + "-2026"), 200);
        assertEquals("ONLINE", ok(c.call("PUT", "/api/desk/presence", "{\"presence\":\"ONLINE\"}"), 200).get("presence").asText());
        return c;
    }

    Baresip register(String user, String password, int toneHz) throws Exception {
        return register(user, password, toneHz, 600);
    }

    Baresip register(String user, String password, int toneHz, int regint) throws Exception {
        Baresip phone = Baresip.registering(dir.resolve(user + "-" + System.nanoTime()), toneHz, user, password, sipPort(), "udp", regint);
        Await.value(() -> server.app().phones().orElseThrow().contactOf(user).orElse(null), user + "'s baresip registers: " + phone.log());
        return phone;
    }

    @Test
    void theAgentsRegisteredSoftphoneRingsAnswersTalksAndTheRecordingNamesTheChat() throws Exception {
        try (Baresip phone = register("agent1", "demo-sip-agent1", 1000)) {
            SignedInClient agent1 = online("agent1");
            Chat chat;
            try (Caller caller = new Caller(38500, "13900006666")) {
                caller.keys("0"); // the sample IVR's 人工服务: group 12345, which agent1 serves
                chat = Await.value(() -> voiceChat("13900006666", ChatStatus.ACTIVE), "the registered phone answers: the chat is accepted");
                assertEquals(idOf("agent1"), chat.agentId());
                JsonNode snap = ok(agent1.call("GET", "/api/desk/snapshot", null), 200);
                assertTrue(snap.get("chats").findValuesAsText("id").contains(chat.chatId()), "agent1's console lists the call: " + snap);
                int before = caller.loud.get();
                caller.speak(3000);
                Await.until(() -> caller.loud.get() - before > 60, () -> "the caller hears the agent's 1 kHz: " + (caller.loud.get() - before));
                Thread.sleep(2000); // baresip hears the caller a while (its recording is checked below)
                caller.call.hangup();
                String id = chat.chatId();
                Await.value(() -> desk().chat(id).status() == ChatStatus.ENDED ? true : null, "the caller hanging up ends the chat");
            }
            int loud = 0;
            for (short s : awaitHeard(phone).samples()) if (Math.abs(s) > 3000) loud++;
            assertTrue(loud > 4000, "baresip heard the caller's voice: " + loud + " loud samples");

            String chatId = chat.chatId();
            JsonNode rec = Await.value(() -> recordingOf(agent1, chatId), "a recording of the call names its chat");
            assertEquals("13900006666", rec.get("caller").asText());
            var audio = agent1.call("GET", rec.get("audio").asText(), null);
            assertEquals(200, audio.statusCode());
            assertEquals("audio/wav", audio.headers().firstValue("Content-Type").orElse(""));
            assertTrue(audio.body().startsWith("RIFF"), "a WAV file");
        }
    }

    @Test
    void anOnlineAgentWithoutAPhoneIsNotOfferedCallsUntilTheirSoftphoneRegisters() throws Exception {
        String agent2 = idOf("agent2");
        online("agent2");
        try (Caller caller = new Caller(38700, "13900007777")) {
            caller.keys("1", "0"); // 社保, then its 人工服务: agent2's only group
            Chat queued = Await.value(() -> voiceChat("13900007777", ChatStatus.QUEUED), "the call queues at the desk");
            long announced = server.app().telephony().orElseThrow().queue().announcements();
            Await.until(() -> server.app().telephony().orElseThrow().queue().announcements() > announced, "the waiting caller hears announcements");
            Thread.sleep(3000); // several routing passes (one a second): none may offer the call
            assertEquals(ChatStatus.QUEUED, desk().chat(queued.chatId()).status(), "agent2 has no phone: the call is not offered");
            assertNull(desk().chat(queued.chatId()).agentId());

            try (Baresip phone = register("agent2", "demo-sip-agent2", 800)) {
                Await.value(() -> desk().chat(queued.chatId()).status() == ChatStatus.ACTIVE ? true : null, "the next routing pass rings agent2's phone");
                assertEquals(agent2, desk().chat(queued.chatId()).agentId());
                int before = caller.loud.get();
                Await.until(() -> caller.loud.get() - before > 40, () -> "the caller hears agent2: " + (caller.loud.get() - before));
                caller.call.hangup();
                Await.value(() -> desk().chat(queued.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
            }
        }
    }

    @Test
    void aSoftphoneThatUnregistersNoLongerGetsCalls() throws Exception {
        online("agent2");
        Baresip phone = register("agent2", "demo-sip-agent2", 800);
        phone.close(); // baresip unregisters as it quits (Expires: 0)
        Await.value(() -> server.app().phones().orElseThrow().contactOf("agent2").isEmpty() ? true : null, "the binding is removed: " + phone.log());
        try (Caller caller = new Caller(38900, "13900008888")) {
            caller.keys("1", "0");
            Chat queued = Await.value(() -> voiceChat("13900008888", ChatStatus.QUEUED), "the call queues at the desk");
            Thread.sleep(3000);
            assertEquals(ChatStatus.QUEUED, desk().chat(queued.chatId()).status(), "agent2 is online but has no phone now: no offer");
            assertEquals(Presence.ONLINE, desk().snapshot(idOf("agent2")).agent().presence(), "and is not set away either");
            caller.call.hangup();
            Await.value(() -> desk().chat(queued.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up while queued ends the chat");
        }
    }

    @Test
    void aSoftphoneWhoseBindingExpiredNoLongerGetsCalls() throws Exception {
        online("agent2");
        Baresip phone = register("agent2", "demo-sip-agent2", 800, 3);
        phone.kill(); // gone without unregistering: the 3 s binding runs out
        Await.value(() -> server.app().phones().orElseThrow().contactOf("agent2").isEmpty() ? true : null, "the binding expires");
        try (Caller caller = new Caller(39100, "13900009999")) {
            caller.keys("1", "0");
            Chat queued = Await.value(() -> voiceChat("13900009999", ChatStatus.QUEUED), "the call queues at the desk");
            Thread.sleep(3000);
            assertEquals(ChatStatus.QUEUED, desk().chat(queued.chatId()).status(), "agent2's phone expired: no offer");
            caller.call.hangup();
            Await.value(() -> desk().chat(queued.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up while queued ends the chat");
        }
    }

    /** The recording row of {@code chatId} that {@code client} may list, or null. */
    private static JsonNode recordingOf(SignedInClient client, String chatId) {
        try {
            for (JsonNode r : ok(client.call("GET", "/api/desk/recordings", null), 200).get("recordings"))
                if (chatId.equals(r.path("chatId").asText())) return r;
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** baresip writes its decode dump when the call ends; wait until it is there. */
    private static org.openhotline.voice.audio.PcmAudio awaitHeard(Baresip phone) throws Exception {
        return Await.value(() -> {
            try {
                return phone.heard();
            } catch (Exception e) {
                return null;
            }
        }, "baresip's dump of what it heard");
    }

    /** The voice chat of {@code caller}'s number in {@code status}, or null. */
    private Chat voiceChat(String caller, ChatStatus status) {
        Desk desk = desk();
        Optional<Chat> queued = desk.queue(null).stream().filter(e -> "voice".equals(e.channel())).map(e -> desk.chat(e.chatId()))
                .filter(c -> c.summary().entities().contains("phone=" + caller)).findFirst();
        Optional<Chat> routed = desk.agents().stream().flatMap(a -> desk.snapshot(a.agentId()).chats().stream())
                .filter(c -> "voice".equals(c.channel()) && c.summary().entities().contains("phone=" + caller)).findFirst();
        return queued.or(() -> routed).filter(c -> c.status() == status).orElse(null);
    }

    /** A caller on our own stack dialling the hotline, keying the IVR and counting the loud frames they hear. */
    final class Caller implements AutoCloseable {
        final SipUserAgent ua;
        final SipCall call;
        final AtomicInteger loud = new AtomicInteger();

        Caller(int rtpBase, String number) throws Exception {
            ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtpBase, rtpBase + 199), c -> {});
            call = ua.dial("sip:hotline@127.0.0.1:" + sipPort(), number, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            call.media().addListener(new MediaListener() {
                @Override
                public void onAudio(short[] f) {
                    for (short s : f) {
                        if (Math.abs(s) > 1500) {
                            loud.incrementAndGet();
                            return;
                        }
                    }
                }
            });
        }

        /**
         * Presses the keys one menu at a time (a key stops the prompt; the next menu starts meanwhile), the first once
         * the IVR's greeting is heard: a key sent before the IVR listens would be lost.
         */
        void keys(String... keys) throws InterruptedException {
            Await.until(() -> loud.get() > 0, "the IVR greets the caller");
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) Thread.sleep(800);
                call.sendDtmf(keys[i].charAt(0));
            }
        }

        void speak(int millis) {
            short[] s = new short[millis * 8];
            for (int i = 0; i < s.length; i++) s[i] = (short) (9000 * Math.sin(2 * Math.PI * 400 * i / 8000.0));
            call.media().play(s);
        }

        @Override
        public void close() {
            ua.close();
        }
    }
}
