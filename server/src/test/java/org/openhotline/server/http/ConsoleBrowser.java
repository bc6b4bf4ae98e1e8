package org.openhotline.server.http;

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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openhotline.server.Await;

/**
 * Debian's Chromium driven by Playwright for the editor console's browser tests: Playwright never downloads a
 * browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, and /usr/bin/chromium as the executable). Registered after the
 * {@link TestServer} so the server is up when pages open; plus the steps every console test shares.
 */
final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private final TestServer server;
    private final String token;
    private Playwright playwright;
    private Browser browser;

    ConsoleBrowser(TestServer server, String token) {
        this.server = server;
        this.token = token;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assertTrue(Files.isExecutable(CHROMIUM), "the browser tests need Debian's Chromium: apt-get install chromium fonts-wqy-zenhei");
        // the regression check behind the publish page takes seconds on a loaded 2-core machine: wait as long as page steps do
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    /** A fresh tab (its own cookies and sessionStorage, so nobody is signed in) at {@code /editor} plus {@code hash}. */
    Page open(String hash) {
        return openAt("/editor" + hash);
    }

    /** A fresh tab at any page of the server ({@code /admin}, {@code /editor#changes} …). */
    Page openAt(String path) {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN")).newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://127.0.0.1:" + server.app().port() + path);
        return page;
    }

    /** The password of the accounts {@link #signIn} creates. */
    static String password(String user) {
        return user + "-test-password";
    }

    /**
     * Signs in through the console's form as {@code user}, an account with {@code role} (editor, reviewer …) created over
     * the admin API with the token when missing; waits until the console shows who is signed in.
     */
    void signIn(Page page, String user, String role) {
        signInWithPassword(page, user, role, password(user));
        assertThat(page.locator("#who")).containsText(user);
    }

    /** Fills the sign-in form with any password (a wrong one to see the refusal); the account is created as in {@link #signIn}. */
    void signInWithPassword(Page page, String user, String role, String password) {
        ensureAccount(user, role);
        page.locator("#signin-user").fill(user);
        page.locator("#signin-password").fill(password);
        page.locator("#signin-submit").click();
    }

    private void ensureAccount(String user, String role) {
        try {
            String body = TestServer.JSON.writeValueAsString(Map.of("username", user, "displayName", user, "password", password(user),
                    "roles", List.of(role.toUpperCase(java.util.Locale.ROOT)), "mustChangePassword", false));
            int status = server.send("POST", "/api/admin/users", body, token).statusCode();
            if (status != 201 && status != 409) throw new AssertionError("creating the account " + user + " answered " + status);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", name)).setFullPage(true));
    }

    /** Waits until the live index is at least {@code version} (nodes index a version in the background). */
    void awaitLive(int version) throws InterruptedException {
        Await.until(() -> server.app().engine().indexes().liveVersion() >= version, java.time.Duration.ofMinutes(3),
                () -> "version " + version + " never went live");
    }
}
