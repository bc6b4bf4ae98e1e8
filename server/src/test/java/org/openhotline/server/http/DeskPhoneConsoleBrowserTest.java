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

/**
 * A phone call in the agent console (Chromium): offered with the 电话 badge, accepted, shown with the caller's number
 * and the IVR path in the summary; there is no message box (a caller cannot read), only internal notes, and the
 * attended-transfer button is there. The call itself is a desk chat queued as the phone queue queues it.
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
}
