package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.telephony.recording.RecordingInfo;

/**
 * A phone call in the agent console (Chromium): offered with the 电话 badge, accepted, shown with the caller's number
 * and the IVR path in the summary; there is no message box (a caller cannot read), only internal notes, and the
 * attended-transfer button is there. The call itself is a desk chat queued as the phone queue queues it. Once the call
 * has ended its 录音 link opens the 通话录音 tab showing that chat's recording only.
 */
class DeskPhoneConsoleBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder()
            .env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_TELEPHONY_ENABLED", "true")
            .env("HOTLINE_SIP_PORT", "0")
            .env("HOTLINE_TELEPHONY_RTP_PORT_MIN", "47000")
            .env("HOTLINE_TELEPHONY_RTP_PORT_MAX", "47499")
            .configYaml("""
                    telephony:
                      agent-phones: ["agent1=sip:agent1@127.0.0.1:9"]
                    """)
            .build();
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    @Test
    void aPhoneCallShowsTheCallerAndTheIvrPathWithoutAMessageBox() {
        Page agent = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        try {
            server.app().desk().orElseThrow().request(HandoffKind.TRANSFER, new HandoffSummary("call-browser-1", "voice", "ivr",
                    "来电 13900006666 在语音导航中转人工", "社保", List.of("ivr: 进入「main」", "citizen: 在「main」按 0"), List.of(),
                    List.of("phone=13900006666"), null, Map.of(), null, Instant.now()), null, "13900006666");
            Locator queued = agent.locator("#queue li.queued");
            assertThat(queued).hasCount(1);
            assertThat(queued.locator(".badge.phone")).hasText("电话");
            assertThat(queued).containsText("请接听话机");
            queued.locator("button.accept").click();
            assertThat(agent.locator("#phone-badge")).hasText("电话");
            assertThat(agent.locator(".pane-head .title")).containsText("13900006666");
            assertThat(agent.locator("#summary-reason")).containsText("电话语音导航转人工");
            assertThat(agent.locator("#summary-transcript")).containsText("语音导航：进入「main」");
            assertThat(agent.locator("#summary-transcript")).containsText("市民：在「main」按 0");
            assertThat(agent.locator("#phone-note")).isVisible();
            assertThat(agent.locator("#compose-text")).hasCount(0);
            assertThat(agent.locator("#consult")).isVisible();
            agent.locator("#compose-note").fill("市民反映小区噪音");
            agent.locator("#note-save").click();
            assertThat(agent.locator("#msgs")).containsText("市民反映小区噪音");
            DeskBrowser.screenshot(agent, "console-phone-call.png");
        } catch (Throwable t) {
            DeskBrowser.screenshot(agent, "console-phone-failure.png");
            throw t;
        }
    }

    @Test
    void anEndedCallsRecordingLinkShowsThatChatsRecordingOnly() {
        Page agent = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        try {
            var desk = server.app().desk().orElseThrow();
            String agent1 = String.valueOf(server.app().auth().accounts().byUsername("agent1").orElseThrow().id());
            for (var c : desk.snapshot(agent1).chats()) // the other test's call, if it ran first: agent1 takes one call at a time
                if (c.status() != org.openhotline.desk.chat.ChatStatus.ENDED) desk.end(agent1, c.chatId(), "solved", "");
            desk.presence(agent1, org.openhotline.desk.presence.Presence.ONLINE); // back from that chat's wrap-up
            String chatId = desk.request(HandoffKind.TRANSFER, new HandoffSummary("call-browser-2", "voice", "ivr", "来电 13900007777 在语音导航中转人工",
                    "社保", List.of("ivr: 进入「main」"), List.of(), List.of("phone=13900007777"), null, Map.of(), null, Instant.now()), null,
                    "13900007777").id();
            agent.locator("#queue li.queued[data-chat='" + chatId + "'] button.accept").click();
            assertThat(agent.locator(".pane-head .title")).containsText("13900007777");
            assertThat(agent.locator("#chat-recording")).hasCount(0);
            desk.end(agent1, chatId, "solved", "");
            var index = server.app().recordings();
            index.saved(new RecordingInfo("call-browser-2", chatId, "13900007777", agent1, "社保", Instant.now(), 42_000, "x/call-browser-2.wav", "caller_hangup"));
            index.saved(new RecordingInfo("call-other", "other-chat", "13800000001", agent1, "社保", Instant.now(), 7_000, "x/call-other.wav", "caller_hangup"));

            agent.locator("#chat-recording").click();
            var rows = agent.locator("#recording-rows tr[data-recording]");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText("13900007777");
            assertThat(agent.locator("#rec-chat")).containsText(chatId);
            DeskBrowser.screenshot(agent, "console-phone-recording.png");
            agent.locator("#rec-chat-clear").click();
            assertThat(rows).hasCount(2);
            assertThat(agent.locator("#rec-chat")).isHidden();
        } catch (Throwable t) {
            DeskBrowser.screenshot(agent, "console-phone-recording-failure.png");
            throw t;
        }
    }
}
