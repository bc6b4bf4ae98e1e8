package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
import org.openhotline.server.Await;
import org.openhotline.server.app.HotlineApp;
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
        app = PhoneApp.start(data, "press-zero-survey.yml", 2, 0, 49500, "agent1=sip:agent1@127.0.0.1:" + agent1Phone.port());
        desk = app.desk().orElseThrow();
        agent1 = PhoneApp.accountId(app, "agent1");
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
        Chat waiting = Await.value(() -> queued(), "the first caller waits in the queue");
        Thread.sleep(2500); // hears music and an announcement
        gaveUp.hangup();
        Await.value(() -> desk.chat(waiting.chatId()).status() == ChatStatus.ENDED ? true : null, "giving up ends the queued chat");

        desk.presence(agent1, Presence.ONLINE);
        SipCall talked = call("13900002222");
        Chat first = Await.value(() -> activeWith(agent1), "agent1's phone answers the second caller");
        Thread.sleep(500);
        talked.hangup();
        Await.value(() -> desk.chat(first.chatId()).status() == ChatStatus.ENDED ? true : null, "hanging up ends the chat");
        // not agent1Calls: its handler starts on the ACK, which a BYE can overtake
        Await.until(() -> agent1Phone.activeCalls() == 0, "agent1's leg is hung up");

        Await.value(() -> activeWith(agent1) == null && desk.snapshot(agent1).agent().presence() == Presence.ONLINE ? true : null, "agent1 is free again");
        SipCall surveyed = call("13900003333");
        Chat second = Await.value(() -> activeWith(agent1), "agent1's phone answers the third caller");
        Await.until(() -> agent1Phone.activeCalls() == 1, "agent1's phone has the third caller's leg");
        desk.end(agent1, second.chatId(), "solved", null); // the agent ends the chat in the console
        Await.until(() -> agent1Phone.activeCalls() == 0, "ending the chat in the console hangs up the agent's phone");
        Thread.sleep(1500);
        assertFalse(surveyed.isEnded(), "the caller goes on in the IVR: the survey waits for a key");
        surveyed.sendDtmf('1');
        Await.value(() -> surveyed.isEnded() ? true : null, "the survey's key leads to the hang-up node");

        var telephony = app.telephony().orElseThrow();
        Await.value(() -> telephony.load().values().stream().allMatch(n -> n == 0) ? true : null, "nothing is left after the calls: " + telephony.load());
    }

    @Test
    @Order(2)
    void shuttingDownEndsTheChatsOfQueuedAndTalkingCallersAndHangsEveryoneUp() throws Exception {
        desk.presence(agent1, Presence.ONLINE);
        int before = agent1Calls.size();
        SipCall talking = call("13900004444");
        Chat active = Await.value(() -> activeWith(agent1), "agent1's phone answers");
        // its handler lists the leg on the ACK, a moment after the desk saw the answer
        SipCall leg = Await.value(() -> agent1Calls.size() > before ? agent1Calls.getLast() : null, "agent1's phone has the leg");
        SipCall queuedCaller = call("13900005555"); // agent1 is busy: this one waits
        Chat waiting = Await.value(() -> queued(), "the second caller waits in the queue");
        // the desk lists the chat a moment before the phone queue holds the call: shut down once it holds both
        Await.until(() -> app.telephony().orElseThrow().queue().calls() == 2, "the phone queue holds both calls");

        app.telephony().orElseThrow().close();
        for (SipCall c : List.of(talking, queuedCaller)) assertTrue(c.ended().get(30, TimeUnit.SECONDS) != null, "each caller gets a BYE");
        assertTrue(leg.ended().get(30, TimeUnit.SECONDS) != null, "the agent's phone gets a BYE");
        Await.until(() -> desk.chat(active.chatId()).status() == ChatStatus.ENDED, "the talking caller's chat ended");
        Await.until(() -> desk.chat(waiting.chatId()).status() == ChatStatus.ENDED, "the queued caller's chat ended");
        assertEquals(0, app.telephony().orElseThrow().queue().calls());
    }

    private static SipCall call(String number) throws Exception {
        SipUserAgent ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtp, rtp + 99), c -> {});
        rtp += 100;
        callers.add(ua);
        return PhoneApp.callForAnAgent(ua, app, number);
    }

    private static Chat queued() {
        return desk.queue(null).stream().filter(e -> "voice".equals(e.channel())).findFirst().map(e -> desk.chat(e.chatId())).orElse(null);
    }

    private static Chat activeWith(String agentId) {
        return desk.snapshot(agentId).chats().stream().filter(c -> "voice".equals(c.channel()) && c.status() == ChatStatus.ACTIVE)
                .findFirst().orElse(null);
    }
}
