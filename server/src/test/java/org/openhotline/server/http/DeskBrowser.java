package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium for the desk's browser tests (never a downloaded browser): a citizen's tab on the web chat and an
 * agent's tab on /console, each in its own browser context (own cookies, own sessionStorage), and the steps both use.
 */
final class DeskBrowser implements BeforeAllCallback, AfterAllCallback {
    private final TestServer server;
    private Playwright playwright;
    private Browser browser;

    DeskBrowser(TestServer server) {
        this.server = server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assertTrue(Files.isExecutable(ConsoleBrowser.CHROMIUM), "the browser tests need Debian's Chromium: apt-get install chromium fonts-wqy-zenhei");
        // a JVM-wide setting: without it here, assertThat waited 5 s or 30 s depending on whether a ConsoleBrowser
        // test happened to run first in the same JVM
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(ConsoleBrowser.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A fresh context (nobody signed in, no chat session) with one tab at {@code path}. */
    Page open(String path, int width, int height) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
        Page page = ctx.newPage();
        page.setDefaultTimeout(20_000);
        page.navigate("http://127.0.0.1:" + server.app().port() + path);
        return page;
    }

    /** The citizen's web chat, its live socket open (so a transfer's queue notice reaches it). */
    Page citizen() {
        Page page = open("/", 760, 900);
        assertThat(page.locator("body[data-live=open]")).hasCount(1);
        return page;
    }

    /** The agent console, signed in as {@code user}. */
    Page agent(String user, String password, String displayName) {
        Page page = open("/console", 1360, 860);
        page.locator("#signin-user").fill(user);
        page.locator("#signin-password").fill(password);
        page.locator("#signin-submit").click();
        assertThat(page.locator("#me")).containsText(displayName);
        assertThat(page.locator("#link")).hasText("已连接");
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name)).setFullPage(false));
    }
}
