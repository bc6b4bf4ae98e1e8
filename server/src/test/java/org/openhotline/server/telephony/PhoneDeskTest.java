package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
import org.openhotline.server.Await;
import org.openhotline.server.app.HotlineApp;
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
        app = PhoneApp.start(data, "press-zero.yml", 3, 1, 44500, "agent1=" + agent1Phone.uri(),
                "leader1=sip:leader@127.0.0.1:" + leaderPhone.port(), "agent2=sip:nobody@127.0.0.1:9");
        desk = app.desk().orElseThrow();
        agent1 = idOf("agent1");
        agent2 = idOf("agent2");
        leader1 = idOf("leader1");
    }

    static String idOf(String username) {
        return PhoneApp.accountId(app, username);
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

        /** Dials in and presses 0 for an agent. */
        Caller(int rtpBase, String number) throws Exception {
            ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtpBase, rtpBase + 499), c -> {});
            call = PhoneApp.callForAnAgent(ua, app, number);
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
            Chat chat = Await.value(() -> voiceChat(ChatStatus.QUEUED), "the call queues at the desk as a voice chat");
            assertTrue(chat.summary().entities().contains("phone=13900003333"), "the agent sees the caller's number");
            assertTrue(chat.summary().transcript().stream().anyMatch(l -> l.contains("按 0")), "and the IVR path: " + chat.summary().transcript());
            long before = app.telephony().orElseThrow().queue().announcements();
            int heard = caller.loud.get();
            Await.until(() -> app.telephony().orElseThrow().queue().announcements() - before >= 1, "a position announcement every 3 s");
            Await.until(() -> caller.loud.get() - heard > 40, () -> "the waiting caller hears music and announcements: " + (caller.loud.get() - heard));

            desk.presence(agent1, Presence.ONLINE);
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE ? true : null, "baresip answers: the chat is accepted");
            assertEquals(agent1, desk.chat(chat.chatId()).agentId());
            int talking = caller.loud.get();
            caller.speak(3000);
            Await.until(() -> caller.loud.get() - talking > 60, () -> "the caller hears the agent's 1 kHz: " + (caller.loud.get() - talking));
            Thread.sleep(2000); // baresip hears the caller's voice a while (checked in its recording at the end)

            desk.presence(leader1, Presence.ONLINE);
            int before2 = leaderCalls.size();
            desk.transfer(agent1, chat.chatId(), TransferTarget.agent(leader1), "请接听");
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE && leader1.equals(desk.chat(chat.chatId()).agentId()) ? true : null,
                    "leader1's phone answers the blind transfer");
            Await.value(() -> leaderCalls.size() == before2 + 1 ? true : null, "leader1's phone rang once");
            int transferred = caller.loud.get();
            Await.until(() -> caller.loud.get() - transferred > 40, () -> "the caller hears leader1: " + (caller.loud.get() - transferred));
            Await.until(() -> agent1Phone.logContains("terminated") || agent1Phone.logContains("closed"), "agent1's leg was hung up");

            caller.call.hangup();
            Chat ended = Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? desk.chat(chat.chatId()) : null, "hanging up ends the chat");
            assertEquals("solved", ended.endReason());
            Await.until(() -> leaderPhone.activeCalls() == 0, "leader1's leg is hung up too");
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
            Chat offered = Await.value(() -> voiceChat(ChatStatus.OFFERED), "offered to agent2, whose phone does not answer");
            assertEquals(agent2, offered.agentId());
            desk.presence(leader1, Presence.ONLINE);
            Await.value(() -> desk.chat(offered.chatId()).status() == ChatStatus.ACTIVE ? true : null, "after the ring timeout leader1's phone answers");
            assertEquals(leader1, desk.chat(offered.chatId()).agentId());
            assertEquals(Presence.AWAY, desk.snapshot(agent2).agent().presence(), "an unanswered phone sets its agent away");
            caller.call.hangup();
            Await.value(() -> desk.chat(offered.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
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
            Chat chat = Await.value(() -> voiceChat(ChatStatus.QUEUED), "the call queues while everyone is offline");
            long queued = queue.announcements();
            Await.value(() -> queue.announcements() > queued ? true : null, "the waiting caller hears their position");

            desk.presence(agent2, Presence.ONLINE);
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.OFFERED ? true : null, "offered to agent2, whose phone rings");
            // an announcement already under way when the offer came may still count until the phone's ring has started;
            // the ring lasts 5 s with one due every 3 s, so one would still fall into what is left if rings did not pause them
            Thread.sleep(1500);
            long ringing = queue.announcements();
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.QUEUED ? true : null, "agent2's phone does not answer: queued again");
            assertEquals(ringing, queue.announcements(), "no position announcement while agent2's phone rang");
            long requeued = queue.announcements();
            Await.value(() -> queue.announcements() > requeued ? true : null, "announcements resume once the caller waits again");

            desk.presence(agent1, Presence.ONLINE);
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE ? true : null, "agent1's phone answers");
            desk.presence(agent2, Presence.ONLINE);
            desk.transfer(agent1, chat.chatId(), TransferTarget.agent(agent2), "请接听");
            desk.presence(agent1, Presence.OFFLINE);
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.QUEUED ? true : null, "agent2's phone does not answer the transfer: queued");
            long afterTransfer = queue.announcements();
            Await.value(() -> queue.announcements() > afterTransfer ? true : null, "announcements resume after the blind transfer");
            caller.call.hangup();
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        }
    }

    @Test
    void theInvitedLeadersPhoneJoinsThenAnAttendedTransferPassesTheCallerToThem() throws Exception {
        desk.presence(agent1, Presence.ONLINE);
        try (Caller caller = new Caller(46000, "13900005555")) {
            Chat chat = Await.value(() -> voiceChat(ChatStatus.ACTIVE), "agent1's phone answers");
            desk.presence(leader1, Presence.ONLINE);
            int before = leaderCalls.size();
            desk.invite(agent1, chat.chatId(), leader1);
            Await.value(() -> leaderCalls.size() > before ? true : null, "the invited leader's phone rings into the call");
            SipCall three = leaderCalls.getLast();
            AtomicInteger heardBy3 = loudFrames(three);
            Await.until(() -> heardBy3.get() > 30, () -> "the leader hears the three-way call: " + heardBy3.get());
            three.hangup();

            PhoneQueue queue = app.telephony().orElseThrow().queue();
            assertTrue(queue.consult(chat.chatId(), agent1, leader1).get(30, TimeUnit.SECONDS), "the consulted leader answers");
            Await.value(() -> leaderCalls.size() == before + 2 ? true : null, "the consultation is a second call to the leader's phone");
            assertEquals(agent1, desk.chat(chat.chatId()).agentId(), "consulting does not move the chat");
            queue.completeConsult(chat.chatId(), agent1, leader1);
            Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ACTIVE && leader1.equals(desk.chat(chat.chatId()).agentId()) ? true : null,
                    "completed: the chat is the leader's");
            int heard = caller.loud.get();
            Await.until(() -> caller.loud.get() - heard > 40, () -> "the caller hears the leader now: " + (caller.loud.get() - heard));
            caller.call.hangup();
            Chat ended = Await.value(() -> desk.chat(chat.chatId()).status() == ChatStatus.ENDED ? desk.chat(chat.chatId()) : null, "hanging up ends the chat");
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

    /** Counts the loud frames a leg hears from now on (until it ends). */
    private static AtomicInteger loudFrames(SipCall leg) {
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
        return n;
    }

    private static Chat voiceChat(ChatStatus status) {
        return desk.queue(null).stream().filter(e -> "voice".equals(e.channel())).findFirst().map(e -> desk.chat(e.chatId()))
                .or(() -> desk.agents().stream().flatMap(a -> desk.snapshot(a.agentId()).chats().stream()).filter(c -> "voice".equals(c.channel()))
                        .findFirst())
                .filter(c -> c.status() == status).orElse(null);
    }
}
