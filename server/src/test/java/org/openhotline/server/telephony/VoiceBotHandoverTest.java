package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.queue.QueueEntry;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.Await;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * A caller the voice bot hands over (转人工) and the IVR then transfers is one desk chat: the bot's summary with the
 * caller's number and menu path added, tied to the call (it ends when the caller hangs up). The bot's turn is played
 * through the engine as the voice bot plays it (same session), without speech recognition.
 */
class VoiceBotHandoverTest {
    @TempDir
    static Path data;
    static HotlineApp app;

    @BeforeAll
    static void start() throws Exception {
        Path ivr = data.resolve("ivr.yml");
        Files.writeString(ivr, """
                name: bot-handover
                schedule:
                  - {when: always, node: main}
                nodes:
                  main:
                    type: menu
                    prompt: 人工服务请按0。
                    timeout-seconds: 20
                    retries: 3
                    choices: {"0": agent}
                  agent:
                    type: transfer
                    group: "12345"
                    next: bye
                  bye:
                    type: hangup
                """);
        Path file = data.resolve("hotline.yml");
        Files.writeString(file, """
                hours:
                  groups:
                    default: {workday: [24h], weekend: [24h], holiday: [24h]}
                """);
        HotlineConfig config = HotlineConfig.load(file, Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0",
                "HOTLINE_SERVER_HOST", "127.0.0.1", "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_TELEPHONY_ENABLED", "true",
                "HOTLINE_SIP_PORT", "0", "HOTLINE_TELEPHONY_IVR_FILE", ivr.toString(),
                "HOTLINE_TELEPHONY_RTP_PORT_MIN", "36000", "HOTLINE_TELEPHONY_RTP_PORT_MAX", "36999"));
        app = new HotlineApp(config).start(ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theBotsHandoverAndTheIvrsTransferAreOneChatWithTheCallersNumber() throws Exception {
        Desk desk = app.desk().orElseThrow();
        int port = app.telephony().orElseThrow().sipPort();
        try (SipUserAgent phone = SipUserAgent.start(SipSettings.local(0).withRtpPorts(37000, 37999), c -> {})) {
            SipCall call = phone.dial("sip:hotline@127.0.0.1:" + port, "13900003333", Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            // the voice bot heard "转人工" (SIP's Call-ID is the same on both ends)
            var reply = app.conversation().respond(PhoneTexts.botTurn(call.callId(), "我要转人工")).reply();
            assertEquals(ReplyType.TRANSFER, reply.type(), reply.text());
            QueueEntry bots = only(queued(desk), "the bot queued the caller");
            assertEquals(PhoneTexts.session(call.callId()), bots.sessionId());

            Heard heard = Heard.on(call);
            Await.until(() -> heard.loud() > 0, "the menu's prompt plays: the IVR listens for keys");
            call.sendDtmf('0'); // and the IVR's transfer puts the call through the desk
            Await.until(() -> desk.chat(bots.chatId()).summary().entities().contains("phone=13900003333"), "the number is added to the bot's chat");
            var summary = desk.chat(bots.chatId()).summary();
            assertTrue(summary.transcript().stream().anyMatch(l -> l.contains("我要转人工")), "the bot's conversation stays: " + summary.transcript());
            assertEquals(List.of(bots.chatId()), queued(desk).stream().map(QueueEntry::chatId).toList(), "no second chat for the call");

            call.hangup();
            Await.until(() -> desk.chat(bots.chatId()).status() == ChatStatus.ENDED, "the caller hanging up ends that chat: it is the call's");
        }
    }

    private static List<QueueEntry> queued(Desk desk) {
        return desk.groups().list().stream().flatMap(g -> desk.queue(g.code()).stream()).toList();
    }

    private static QueueEntry only(List<QueueEntry> entries, String why) {
        assertEquals(1, entries.size(), why + ": " + entries);
        return entries.getFirst();
    }
}
