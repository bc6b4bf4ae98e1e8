package org.openhotline.server.wechat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.wechat.simulator.WechatSimulator;

/**
 * The demo's phone page in Debian's Chromium: following the account and asking a question travel the real callback
 * protocol (signed, AES) to the product; the welcome and the answer come back as passive replies, and a
 * customer-service message pushed by the product appears in the page too.
 */
class WechatDemoBrowserTest {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final String AES = "0penHotlineDemoAesKey0000000000000000000000";
    @TempDir
    static Path data;
    static HotlineApp app;
    static WechatSimulator wechat;
    static String pageUrl;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser tests need Debian's Chromium: apt-get install chromium fonts-wqy-zenhei");
        wechat = new WechatSimulator("wxdemo0000000001", "demo-secret", "demotoken", AES);
        app = WechatApps.start(data, wechat, "wxdemo0000000001", "demo-secret", "demotoken", AES, Map.of());
        pageUrl = wechat.servePhone(WechatSimulator.Mode.SAFE);
        // JVM-wide, so set here too: it must not depend on which browser test ran first (the default is 5 s)
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (app != null) app.close();
        if (wechat != null) wechat.close();
    }

    @Test
    void aPersonChatsWithTheBotThroughTheRealCallback() throws Exception {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(420, 800).setLocale("zh-CN")).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate(pageUrl);
        page.locator("#follow").click();
        assertThat(page.locator(".row.account .bubble").first()).containsText("大家最近常问");
        page.locator("#text").fill("租房怎么提取住房公积金");
        page.locator("#send").click();
        assertThat(page.locator(".row.me .bubble").last()).hasText("租房怎么提取住房公积金");
        assertThat(page.locator(".row.account .bubble").nth(1)).containsText("公积金");
        assertThat(page.locator(".row.account .via").nth(1)).hasText("被动回复");

        String openId = (String) page.evaluate("sessionStorage.getItem('demo-openid')");
        assertTrue(app.wechat().orElseThrow().push(openId, "您的留言已有答复：请携带身份证到窗口办理。").get(10, TimeUnit.SECONDS).delivered());
        assertThat(page.locator(".row.account .bubble").last()).hasText("您的留言已有答复：请携带身份证到窗口办理。");
        assertThat(page.locator(".row.account .via").last()).hasText("客服消息");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "wechat-demo.png")));
    }
}
