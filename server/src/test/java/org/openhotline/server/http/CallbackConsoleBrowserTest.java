package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.CallbackOutcome;
import org.openhotline.desk.callback.CallbackStatus;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/**
 * The 回电任务 panel of the agent console in Debian's Chromium on the real product: a missed call is listed with the
 * number masked, a new one appears live, a voice message plays in the page, the agent claims a task (the number is
 * shown whole), records "已联系" with a note and the task leaves the list as done. Screenshots in target/screenshots/.
 */
class CallbackConsoleBrowserTest {
    static final Path MESSAGES;

    static {
        try {
            MESSAGES = Files.createTempDirectory("hotline-voice-messages");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .env("HOTLINE_TELEPHONY_MESSAGES_DIR", MESSAGES.toString()).build();
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    static Callbacks tasks() {
        return server.app().desk().orElseThrow().callbacks();
    }

    @Test
    void anAgentClaimsAMissedCallAndRecordsThatTheCitizenWasReached() throws Exception {
        long missed = tasks().create(NewCallback.call(CallbackKind.MISSED_CALL, "13812345678", "社保", "no_agent", "b-call-1")).id();
        Page agent = browser.agent("agent2", "demo-agent2-2026", "坐席二号");
        try {
            Locator item = agent.locator("#callbacks li[data-callback='" + missed + "']");
            assertThat(item).containsText("漏接来电");
            assertThat(item.locator(".phone")).hasText("138****5678");
            assertThat(agent.locator("#callback-count")).hasText("1");

            short[] tone = new short[8000 * 2];
            for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0));
            WavFiles.write(MESSAGES.resolve("b-call-2.wav"), new PcmAudio(tone, 8000));
            long voice = tasks().create(new NewCallback(CallbackKind.VOICEMAIL, "13900001234", "voice", "社保", "voicemail", null, "b-call-2",
                    null, null, null, "b-call-2.wav", 2000L, null)).id();
            assertThat(agent.locator("#callback-count")).hasText("2"); // the callbacks frame reloaded the list
            Locator player = agent.locator("#callbacks li[data-callback='" + voice + "'] audio");
            assertThat(player).hasCount(1);
            Object seconds = player.evaluate("a => new Promise((ok, fail) => { a.onloadedmetadata = () => ok(a.duration); a.onerror = () => "
                    + "fail('audio error ' + (a.error && a.error.code)); a.preload = 'auto'; a.load(); })");
            assertEquals(2.0, ((Number) seconds).doubleValue(), 0.1, "the voice message plays in the page");

            item.locator("button.claim").click();
            assertThat(item.locator(".phone.shown")).hasText("13812345678");
            DeskBrowser.screenshot(agent, "console-callbacks.png");
            item.locator("input.notes").fill("已告知社保卡补办地点");
            item.locator("button[data-outcome=REACHED]").click();
            assertThat(item).hasCount(0);
            assertThat(agent.locator("#callback-count")).hasText("1");
            CallbackTask done = tasks().find(new CallbackViewer("t", List.of(), true), missed);
            assertEquals(CallbackStatus.DONE, done.status());
            assertEquals(CallbackOutcome.REACHED, done.outcome());
            assertTrue(done.notes().contains("已告知社保卡补办地点"), done.notes());
        } catch (Throwable t) {
            DeskBrowser.screenshot(agent, "callbacks-failure.png");
            throw t;
        }
    }
}
