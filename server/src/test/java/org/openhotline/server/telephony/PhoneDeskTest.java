package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.chat.TransferTarget;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Phone calls through the agent desk, with real peers on loopback: a caller transferred by the IVR queues as a desk
 * chat of channel voice and hears music and position announcements; when an agent comes online the desk offers the
 * call and baresip (agent1's configured phone) rings and answers, audio flows both ways, a blind transfer rings
 * leader1's phone (a softphone on our stack), and the caller hanging up ends the chat. A phone nobody answers is a
 * decline: the agent is set away and the next agent's phone rings. The invited leader's phone joins a three-way call,
 * and an attended transfer passes the caller to the consulted colleague.
 */
class PhoneDeskTest {
    @TempDir
    static Path data;
    static HotlineApp app;
    static Baresip agent1Phone;
    static SipUserAgent leaderPhone;
    static final List<SipCall> leaderCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    static Desk desk;
    static String agent1, agent2, leader1;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/baresip")), "baresip missing: apt-get install baresip");
        agent1Phone = new Baresip(data.resolve("baresip"), 1000);
        leaderPhone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(44000, 44499), c -> {
            leaderCalls.add(c);
            short[] tone = new short[8000 * 30];
            for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 700 * i / 8000.0));
            c.media().play(tone);
            c.ended().join();
        });
        Path ivr = data.resolve("ivr.yml");
        Files.writeString(ivr, """
                name: phone-desk
                schedule:
                  - {when: always, node: main}
                nodes:
                  main:
                    type: menu
                    prompt: 您好，人工服务请按0。
                    choices: {"0": agent}
                  agent:
                    type: transfer
                    group: 社保
                    next: bye
                  bye:
                    type: hangup
                """);
        Path file = data.resolve("hotline.yml");
        Files.writeString(file, """
                auth:
                  sample-accounts: true
                desk:
                  offer-seconds: 40
                  wrap-up-seconds: 1
                  groups:
                    - {code: "社保", name: "社保", strategy: least-busy, queue-timeout-seconds: 300}
                telephony:
                  position-every-seconds: 3
                  agent-ring-seconds: 5
                  agent-phones: ["agent1=%s", "leader1=sip:leader@127.0.0.1:%d", "agent2=sip:nobody@127.0.0.1:9"]
                """.formatted(agent1Phone.uri(), leaderPhone.port()));
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivr.toString(),
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", "44500", "HOTLINE_TELEPHONY_RTP_PORT_MAX", "44999"));
        app = new HotlineApp(config).start(ProgressListener.NONE);
        desk = app.desk().orElseThrow();
        agent1 = idOf("agent1");
        agent2 = idOf("agent2");
        leader1 = idOf("leader1");
    }

    static String idOf(String username) {
        return String.valueOf(app.auth().accounts().byUsername(username).orElseThrow().id());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) app.close();
        if (leaderPhone != null) leaderPhone.close();
        if (agent1Phone != null) agent1Phone.close();
    }

    @BeforeEach
    void everyoneOffline() {
        for (String id : List.of(agent1, agent2, leader1)) desk.presence(id, Presence.OFFLINE);
    }

    /** A caller on our own stack counting the loud frames they hear. */
    static final class Caller implements AutoCloseable {
        final SipUserAgent ua;
        final SipCall call;
        final AtomicInteger loud = new AtomicInteger();

        Caller(int rtpBase, String number) throws Exception {
            ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtpBase, rtpBase + 499), c -> {});
            call = ua.dial("sip:hotline@127.0.0.1:" + app.telephony().orElseThrow().sipPort(), number, Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
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

    @Test
    void aQueuedCallerHearsTheirPositionThenTalksToTheRoutedAgentIsPassedOnAndHangingUpEndsTheChat() throws Exception {
        try (Caller caller = new Caller(45000, "13900003333")) {
            Thread.sleep(800);
            caller.call.sendDtmf('0');
            Chat chat = await(() -> voiceChat(ChatStatus.QUEUED), "the call queues at the desk as a voice chat");
            assertTrue(chat.summary().entities().contains("phone=13900003333"), "the agent sees the caller's number");
            assertTrue(chat.summary().transcript().stream().anyMatch(l -> l.contains("按 0")), "and the IVR path: " + chat.summary().transcript());
            long before = app.telephony().orElseThrow().queue().announcements();
            int heard = caller.loud.get();
            Thread.sleep(4000);
            assertTrue(app.telephony().orElseThrow().queue().announcements() - before >= 1, "a position announcement every 3 s");
            assertTrue(caller.loud.get() - heard > 40, "the waiting caller hears music and announcements: " + (caller.loud.get() - heard));

            desk.presence(agent1, Presence.ONLINE);
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE ? true : null, "baresip answers: the chat is accepted");
            assertEquals(agent1, desk.chat(chat.chatId()).agentId());
            int talking = caller.loud.get();
            caller.speak(3000);
            Thread.sleep(2000);
            assertTrue(caller.loud.get() - talking > 60, "the caller hears the agent's 1 kHz: " + (caller.loud.get() - talking));

            desk.presence(leader1, Presence.ONLINE);
            int before2 = leaderCalls.size();
            desk.transfer(agent1, chat.chatId(), TransferTarget.agent(leader1), "请接听");
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE && leader1.equals(desk.chat(chat.chatId()).agentId()) ? true : null,
                    "leader1's phone answers the blind transfer");
            await(() -> leaderCalls.size() == before2 + 1 ? true : null, "leader1's phone rang once");
            int transferred = caller.loud.get();
            Thread.sleep(1500);
            assertTrue(caller.loud.get() - transferred > 40, "the caller hears leader1: " + (caller.loud.get() - transferred));
            assertTrue(agent1Phone.log().contains("terminated") || agent1Phone.log().contains("closed"), "agent1's leg was hung up");

            caller.call.hangup();
            Chat ended = await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? desk.chat(chat.chatId()) : null, "hanging up ends the chat");
            assertEquals("solved", ended.endReason());
            await(() -> leaderCalls.getLast().isEnded() ? true : null, "leader1's leg is hung up too");
        }
        var audio = agent1Phone.heard();
        int loud = 0;
        for (short s : audio.samples()) if (Math.abs(s) > 3000) loud++;
        assertTrue(loud > 4000, "baresip heard the caller's voice: " + loud + " loud samples");
    }

    @Test
    void aPhoneNobodyAnswersIsADeclineAndTheNextAgentsPhoneRings() throws Exception {
        desk.presence(agent2, Presence.ONLINE);
        try (Caller caller = new Caller(45500, "13900004444")) {
            Thread.sleep(800);
            caller.call.sendDtmf('0');
            Chat offered = await(() -> voiceChat(ChatStatus.OFFERED), "offered to agent2, whose phone does not answer");
            assertEquals(agent2, offered.agentId());
            desk.presence(leader1, Presence.ONLINE);
            await(() -> desk.chat(offered.chatId()).status() == ChatStatus.ACTIVE ? true : null, "after the ring timeout leader1's phone answers");
            assertEquals(leader1, desk.chat(offered.chatId()).agentId());
            assertEquals(Presence.AWAY, desk.snapshot(agent2).agent().presence(), "an unanswered phone sets its agent away");
            caller.call.hangup();
            await(() -> desk.chat(offered.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        }
    }

    /**
     * The position is announced only while the caller waits: not while agent2's phone rings (it never answers, 5 s
     * ring timeout, an announcement due every 3 s), again once the unanswered phone puts the caller back in the queue,
     * and again after agent1's blind transfer to agent2 whose phone again does not answer.
     */
    @Test
    void positionAnnouncementsPauseWhilePhonesRingAndResumeWhenTheCallerWaitsAgain() throws Exception {
        PhoneQueue queue = app.telephony().orElseThrow().queue();
        try (Caller caller = new Caller(47000, "13900006666")) {
            Thread.sleep(800);
            caller.call.sendDtmf('0');
            Chat chat = await(() -> voiceChat(ChatStatus.QUEUED), "the call queues while everyone is offline");
            long queued = queue.announcements();
            await(() -> queue.announcements() > queued ? true : null, "the waiting caller hears their position");

            desk.presence(agent2, Presence.ONLINE);
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.OFFERED ? true : null, "offered to agent2, whose phone rings");
            Thread.sleep(500); // an announcement already under way when the offer came may still count
            long ringing = queue.announcements();
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.QUEUED ? true : null, "agent2's phone does not answer: queued again");
            assertEquals(ringing, queue.announcements(), "no position announcement while agent2's phone rang");
            long requeued = queue.announcements();
            await(() -> queue.announcements() > requeued ? true : null, "announcements resume once the caller waits again");

            desk.presence(agent1, Presence.ONLINE);
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE ? true : null, "agent1's phone answers");
            desk.presence(agent2, Presence.ONLINE);
            desk.transfer(agent1, chat.chatId(), TransferTarget.agent(agent2), "请接听");
            desk.presence(agent1, Presence.OFFLINE);
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.QUEUED ? true : null, "agent2's phone does not answer the transfer: queued");
            long afterTransfer = queue.announcements();
            await(() -> queue.announcements() > afterTransfer ? true : null, "announcements resume after the blind transfer");
            caller.call.hangup();
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        }
    }

    @Test
    void theInvitedLeadersPhoneJoinsThenAnAttendedTransferPassesTheCallerToThem() throws Exception {
        desk.presence(agent1, Presence.ONLINE);
        try (Caller caller = new Caller(46000, "13900005555")) {
            Thread.sleep(800);
            caller.call.sendDtmf('0');
            Chat chat = await(() -> voiceChat(ChatStatus.ACTIVE), "agent1's phone answers");
            desk.presence(leader1, Presence.ONLINE);
            int before = leaderCalls.size();
            desk.invite(agent1, chat.chatId(), leader1);
            await(() -> leaderCalls.size() > before ? true : null, "the invited leader's phone rings into the call");
            SipCall three = leaderCalls.getLast();
            int heardBy3 = loudFrames(three, 1500);
            assertTrue(heardBy3 > 30, "the leader hears the three-way call: " + heardBy3);
            three.hangup();

            PhoneQueue queue = app.telephony().orElseThrow().queue();
            assertTrue(queue.consult(chat.chatId(), agent1, leader1).get(15, TimeUnit.SECONDS), "the consulted leader answers");
            await(() -> leaderCalls.size() == before + 2 ? true : null, "the consultation is a second call to the leader's phone");
            assertEquals(agent1, desk.chat(chat.chatId()).agentId(), "consulting does not move the chat");
            queue.completeConsult(chat.chatId(), agent1, leader1);
            await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE && leader1.equals(desk.chat(chat.chatId()).agentId()) ? true : null,
                    "completed: the chat is the leader's");
            int heard = caller.loud.get();
            Thread.sleep(1500);
            assertTrue(caller.loud.get() - heard > 40, "the caller hears the leader now: " + (caller.loud.get() - heard));
            caller.call.hangup();
            Chat ended = await(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? desk.chat(chat.chatId()) : null, "hanging up ends the chat");
            assertEquals("solved", ended.endReason());
        }
    }

    @Test
    void theConsultApiRefusesWithTheDesksJsonErrors() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.port();
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"agent1\",\"password\":\"demo-agent1-2026\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).filter(c -> c.startsWith("hotline_session="))
                .findFirst().orElseThrow();
        String csrf = new com.fasterxml.jackson.databind.ObjectMapper().readTree(login.body()).path("csrf").asText();
        java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> post = (path, body) -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).header("Content-Type", "application/json")
                        .header("Cookie", cookie).header("X-CSRF-Token", csrf).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var none = post.apply("/api/desk/chats/999999/consult", "{\"agentId\":" + leader1 + "}");
        assertEquals(404, none.statusCode(), none.body());
        assertTrue(none.body().contains("\"error\":\"not_found\""), none.body());
        var missing = post.apply("/api/desk/chats/999999/consult/complete", "{}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("missing_agentId"), missing.body());
    }

    /** Loud frames a leg hears over {@code millis}. */
    private static int loudFrames(SipCall leg, int millis) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        MediaListener l = new MediaListener() {
            @Override
            public void onAudio(short[] f) {
                for (short s : f) {
                    if (Math.abs(s) > 1500) {
                        n.incrementAndGet();
                        return;
                    }
                }
            }
        };
        leg.media().addListener(l);
        Thread.sleep(millis);
        leg.media().removeListener(l);
        return n.get();
    }

    private static Chat voiceChat(ChatStatus status) {
        return desk.queue(null).stream().filter(e -> "voice".equals(e.channel())).findFirst().map(e -> desk.chat(e.chatId()))
                .or(() -> desk.agents().stream().flatMap(a -> desk.snapshot(a.agentId()).chats().stream()).filter(c -> "voice".equals(c.channel()))
                        .findFirst())
                .filter(c -> c.status() == status).orElse(null);
    }

    private static <T> T await(Supplier<T> probe, String what) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        T v = probe.get();
        while (v == null && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            v = probe.get();
        }
        assertNotNull(v, what);
        return v;
    }
}
