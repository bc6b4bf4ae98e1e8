package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Calls through the desk end cleanly on every path and leave nothing behind: a caller who gives up waiting, one who
 * hangs up while talking, and one whose agent ends the chat in the console (the caller goes on to the IVR's
 * {@code after}, a survey key). Afterwards no SIP call, RTP session, bridged or desk call is left. Last, shutting the
 * phone channel down with one caller queued and one talking ends both chats and hangs up callers and the phone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneLifecycleTest {
    @TempDir
    static Path data;
    static HotlineApp app;
    static SipUserAgent agent1Phone;
    static final List<SipCall> agent1Calls = new CopyOnWriteArrayList<>();
    static final List<SipUserAgent> callers = new CopyOnWriteArrayList<>();
    static Desk desk;
    static String agent1;
    static int rtp = 49000;

    @BeforeAll
    static void start() throws Exception {
        agent1Phone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(48500, 48999), c -> {
            agent1Calls.add(c);
            c.ended().join();
        });
        Path ivr = data.resolve("ivr.yml");
        Files.writeString(ivr, """
                name: phone-lifecycle
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
                    after: survey
                  survey:
                    type: menu
                    prompt: 满意请按1。
                    choices: {"1": bye}
                  bye:
                    type: hangup
                """);
        Path file = data.resolve("hotline.yml");
        Files.writeString(file, """
                auth:
                  sample-accounts: true
                desk:
                  offer-seconds: 40
                  wrap-up-seconds: 0
                  groups:
                    - {code: "社保", name: "社保", strategy: least-busy, queue-timeout-seconds: 300}
                telephony:
                  position-every-seconds: 2
                  agent-ring-seconds: 5
                  agent-phones: ["agent1=sip:agent1@127.0.0.1:%d"]
                """.formatted(agent1Phone.port()));
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivr.toString(),
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", "49500", "HOTLINE_TELEPHONY_RTP_PORT_MAX", "49999"));
        app = new HotlineApp(config).start(ProgressListener.NONE);
        desk = app.desk().orElseThrow();
        agent1 = String.valueOf(app.auth().accounts().byUsername("agent1").orElseThrow().id());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) app.close();
        for (SipUserAgent c : callers) c.close();
        if (agent1Phone != null) agent1Phone.close();
    }

    @Test
    @Order(1)
    void callsEndingOnEveryPathLeaveNothingBehindAndTheConsoleEndSendsTheCallerToTheSurvey() throws Exception {
        desk.presence(agent1, Presence.OFFLINE);
        SipCall gaveUp = call("13900001111");
        Chat waiting = await(() -> queued(), "the first caller waits in the queue");
        Thread.sleep(2500); // hears music and an announcement
        gaveUp.hangup();
        await(() -> desk.chat(waiting.chatId()).status() == ChatStatus.ENDED ? true : null, "giving up ends the queued chat");

        desk.presence(agent1, Presence.ONLINE);
        SipCall talked = call("13900002222");
        Chat first = await(() -> activeWith(agent1), "agent1's phone answers the second caller");
        Thread.sleep(500);
        talked.hangup();
        await(() -> desk.chat(first.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        await(() -> agent1Calls.getLast().isEnded() ? true : null, "agent1's leg is hung up");

        await(() -> activeWith(agent1) == null && desk.snapshot(agent1).agent().presence() == Presence.ONLINE ? true : null, "agent1 is free again");
        SipCall surveyed = call("13900003333");
        Chat second = await(() -> activeWith(agent1), "agent1's phone answers the third caller");
        SipCall leg = agent1Calls.getLast();
        desk.end(agent1, second.chatId(), "solved", null); // the agent ends the chat in the console
        await(() -> leg.isEnded() ? true : null, "ending the chat in the console hangs up the agent's phone");
        Thread.sleep(1500);
        assertFalse(surveyed.isEnded(), "the caller goes on in the IVR: the survey waits for a key");
        surveyed.sendDtmf('1');
        await(() -> surveyed.isEnded() ? true : null, "the survey's key leads to the hang-up node");

        var telephony = app.telephony().orElseThrow();
        await(() -> telephony.load().values().stream().allMatch(n -> n == 0) ? true : null, "nothing is left after the calls: " + telephony.load());
    }

    @Test
    @Order(2)
    void shuttingDownEndsTheChatsOfQueuedAndTalkingCallersAndHangsEveryoneUp() throws Exception {
        desk.presence(agent1, Presence.ONLINE);
        SipCall talking = call("13900004444");
        Chat active = await(() -> activeWith(agent1), "agent1's phone answers");
        SipCall leg = agent1Calls.getLast();
        SipCall queuedCaller = call("13900005555"); // agent1 is busy: this one waits
        Chat waiting = await(() -> queued(), "the second caller waits in the queue");

        app.telephony().orElseThrow().close();
        for (SipCall c : List.of(talking, queuedCaller)) assertTrue(c.ended().get(5, TimeUnit.SECONDS) != null, "each caller gets a BYE");
        assertTrue(leg.ended().get(5, TimeUnit.SECONDS) != null, "the agent's phone gets a BYE");
        assertEquals(ChatStatus.ENDED, desk.chat(active.chatId()).status(), "the talking caller's chat ended");
        assertEquals(ChatStatus.ENDED, desk.chat(waiting.chatId()).status(), "the queued caller's chat ended");
        assertEquals(0, app.telephony().orElseThrow().queue().calls());
    }

    private static SipCall call(String number) throws Exception {
        SipUserAgent ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtp, rtp + 99), c -> {});
        rtp += 100;
        callers.add(ua);
        SipCall call = ua.dial("sip:hotline@127.0.0.1:" + app.telephony().orElseThrow().sipPort(), number, Duration.ofSeconds(10))
                .get(15, TimeUnit.SECONDS);
        Thread.sleep(800);
        call.sendDtmf('0');
        return call;
    }

    private static Chat queued() {
        return desk.queue(null).stream().filter(e -> "voice".equals(e.channel())).findFirst().map(e -> desk.chat(e.chatId())).orElse(null);
    }

    private static Chat activeWith(String agentId) {
        return desk.snapshot(agentId).chats().stream().filter(c -> "voice".equals(c.channel()) && c.status() == ChatStatus.ACTIVE)
                .findFirst().orElse(null);
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
