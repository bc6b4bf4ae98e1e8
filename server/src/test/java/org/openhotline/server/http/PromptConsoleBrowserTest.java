package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.voice.audio.WavFiles;

/** 提示音 on the admin page in Chromium: the admin uploads the music on hold, sees it recorded, listens, deletes it; a non-WAV is refused saying why. */
class PromptConsoleBrowserTest {
    static final String TOKEN = "prompt-console-token-789";
    static final String ADMIN_PASSWORD = "prompt-console-pass";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).env("HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("HOTLINE_TELEPHONY_ENABLED", "true").env("HOTLINE_SIP_PORT", "0")
            .env("HOTLINE_TELEPHONY_RTP_PORT_MIN", "44000").env("HOTLINE_TELEPHONY_RTP_PORT_MAX", "44999").build();
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server, TOKEN);

    @Test
    void theAdminUploadsTheHoldMusicAndSeesItRecorded() throws Exception {
        Page page = browser.openAt("/admin");
        try {
            run(page);
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "prompt-console-failure.png");
            throw t;
        }
    }

    private void run(Page page) throws Exception {
        page.locator("#signin-user").fill("admin");
        page.locator("#signin-password").fill(ADMIN_PASSWORD);
        page.locator("#signin-submit").click();
        Locator music = page.locator("#prompts tr[data-prompt=hold-music]");
        assertThat(music.locator(".prompt-state")).hasText("语音合成");
        assertThat(page.locator("#prompts tr[data-prompt=welcome]")).containsText("欢迎致电12345");

        byte[] wav = PromptAdminApiTest.stereoWav(1.5);
        music.locator("input[type=file]").setInputFiles(new FilePayload("等待音乐.wav", "audio/wav", wav));
        assertThat(page.locator("#message")).containsText("已上传 hold-music 的录音（1.5 秒）");
        assertThat(music.locator(".prompt-state")).hasText("已录制");
        assertEquals(12000, WavFiles.read(HotlineApp.dataDir(server.config()).resolve("prompts/hold-music.wav")).length(), 20);

        music.locator("button.play").click();
        assertThat(page.locator("#prompt-player")).hasAttribute("src", java.util.regex.Pattern.compile("/api/admin/telephony/prompts/hold-music/audio"));
        page.waitForFunction("() => document.getElementById('prompt-player').readyState >= 1 && !document.getElementById('prompt-player').error");

        page.locator("#prompts tr[data-prompt=welcome] input[type=file]").setInputFiles(new FilePayload("welcome.mp3", "audio/mpeg", "ID3 mp3".getBytes()));
        assertThat(page.locator("#message")).containsText("RIFF/WAVE");
        assertThat(page.locator("#prompts tr[data-prompt=welcome] .prompt-state")).hasText("语音合成");

        music.locator("button.delete").click();
        music.locator("button.delete").click(); // asks once more
        assertThat(page.locator("#message")).containsText("已删除 hold-music 的录音");
        assertThat(music.locator(".prompt-state")).hasText("语音合成");
        assertEquals(false, Files.exists(HotlineApp.dataDir(server.config()).resolve("prompts/hold-music.wav")));
    }
}
