package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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
 * 回拨 in the console's 回电任务 panel, in Debian's Chromium with real phones on loopback ({@link DialPhones}, the citizen
 * answering): the button appears once the agent claimed the task, the state line follows the call to 通话中, 挂断 ends
 * it as reached, the task stays claimed for the agent's outcome, and the call's recording is listed under the task.
 */
class CallbackDialConsoleBrowserTest {
    private static final DialPhones phones = new DialPhones(true);
    @RegisterExtension
    static final TestServer server = phones.server(20).build();
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    @AfterAll
    static void phonesOff() {
        phones.close();
    }

    @Test
    void anAgentCallsBackFromTheConsoleTalksAndHangsUp() throws Exception {
        long id = server.app().desk().orElseThrow().callbacks()
                .create(NewCallback.call(CallbackKind.MISSED_CALL, "13955550000", "社保", "no_agent", "dial-browser-1")).id();
        Page agent = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        try {
            Locator item = agent.locator("#callbacks li[data-callback='" + id + "']");
            assertThat(item).containsText("漏接来电");
            assertThat(item.locator("button.dial")).hasCount(0); // not claimed yet
            item.locator("button.claim").click();
            assertThat(item.locator("button.dial")).hasText("回拨");
            item.locator("input.notes").fill("已说明办理进度");
            item.locator("button.dial").click();
            assertThat(item.locator(".call-state")).containsText("通话中");
            assertEquals("已说明办理进度", item.locator("input.notes").inputValue(), "the state line updates in place: typed notes stay");
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20); // its handler starts on the ACK
            while (phones.citizenCalls.isEmpty() && System.nanoTime() < until) Thread.sleep(50);
            assertEquals("13955550000", phones.citizenCalls.getFirst().called(), "the citizen's phone was called with the task's number");
            DeskBrowser.screenshot(agent, "console-callback-talking.png");
            item.locator("button.hangup").click();
            assertThat(item.locator(".call-state")).containsText("已结束：已接通，请记录结果");
            assertThat(item.locator("button[data-outcome=REACHED]")).hasCount(1); // still claimed: the agent records the outcome
            assertEquals(CallbackStatus.CLAIMED, server.app().desk().orElseThrow().callbacks().find(new CallbackViewer("t", List.of(), true), id).status());

            DeskSession agent1 = DeskSession.login(server, "agent1", "demo-agent1-2026");
            JsonNode recordings = agent1.expect(200, "GET", "/api/desk/recordings?task=" + id, null);
            assertEquals(1, recordings.path("count").asInt(), recordings.toString());
            JsonNode rec = recordings.path("recordings").get(0);
            assertEquals(String.valueOf(id), rec.path("callbackTaskId").asText());
            assertEquals("13955550000", rec.path("caller").asText());
            assertEquals(agent1.id(), rec.path("agentId").asText(), "listed among agent1's own recordings");
        } catch (Throwable t) {
            DeskBrowser.screenshot(agent, "callback-dial-failure.png");
            throw t;
        }
    }
}
