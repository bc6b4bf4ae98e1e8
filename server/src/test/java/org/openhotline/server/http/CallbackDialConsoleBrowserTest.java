package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.CallbackStatus;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.NewCallback;

/**
 * 回拨 in the console's 回电任务 panel, in Debian's Chromium with real phones on loopback ({@link DialPhones}): the button
 * appears once the agent claimed the task, the state line follows the call (the citizen's phone ringing), and a citizen
 * who does not answer ends as 未接通, logged by the server and the task back in the list for the group.
 */
class CallbackDialConsoleBrowserTest {
    private static final DialPhones phones = new DialPhones();
    @RegisterExtension
    static final TestServer server = phones.server(6).build(); // the citizen rings long enough for the page to show it
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    @AfterAll
    static void phonesOff() {
        phones.close();
    }

    @Test
    void anAgentCallsBackFromTheConsoleAndSeesTheCallThrough() throws Exception {
        long id = server.app().desk().orElseThrow().callbacks()
                .create(NewCallback.call(CallbackKind.MISSED_CALL, "13955550000", "社保", "no_agent", "dial-browser-1")).id();
        Page agent = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        try {
            Locator item = agent.locator("#callbacks li[data-callback='" + id + "']");
            assertThat(item).containsText("漏接来电");
            assertThat(item.locator("button.dial")).hasCount(0); // not claimed yet
            item.locator("button.claim").click();
            assertThat(item.locator("button.dial")).hasText("回拨");
            item.locator("input.notes").fill("先打一次");
            item.locator("button.dial").click();
            assertThat(item.locator(".call-state")).containsText("振铃中");
            assertThat(item.locator("button.hangup")).hasCount(1);
            assertEquals("先打一次", item.locator("input.notes").inputValue(), "the state line updates in place: typed notes stay");
            DeskBrowser.screenshot(agent, "console-callback-dialling.png");
            assertThat(item.locator(".call-state")).containsText("已结束：未接通（已自动记录）");
            assertThat(item.locator("button.claim")).hasCount(1); // open again for the next try
            assertEquals(CallbackStatus.OPEN, server.app().desk().orElseThrow().callbacks().find(new CallbackViewer("t", List.of(), true), id).status());
        } catch (Throwable t) {
            DeskBrowser.screenshot(agent, "callback-dial-failure.png");
            throw t;
        }
    }
}
