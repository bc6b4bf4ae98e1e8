package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The publish page in a real browser: a deletion that loses test questions is blocked by the regression check until a
 * reviewer gives a reason, and a publish scheduled for a time already past runs on the next poll.
 */
class EditorConsolePublishBrowserTest {
    static final String TOKEN = "console-publish-token-321";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN)
            .env("HOTLINE_KB_POLL_SECONDS", "1").env("HOTLINE_EDITOR_SCHEDULE_POLL_SECONDS", "1").build();
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server, TOKEN);

    static HttpResponse<String> as(String user, String role, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app().port() + path))
                .header("Authorization", "Bearer " + TOKEN).header("X-Hotline-User", user).header("X-Hotline-Role", role)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRegressionIsBlockedUntilOverriddenAndAScheduledPublishRuns() throws Exception {
        browser.awaitLive(1);
        String questions = String.join("\n", Files.readAllLines(Path.of("..", "eval", "data", "sample-queries.jsonl")).subList(0, 12));
        TestServer.ok(as("anna", "editor", "POST", "/api/admin/kb/test-questions", questions), 201);

        // the editor deletes si-002 from its edit form (the button asks once more), a reviewer approves
        Page page = browser.open("");
        try {
            browser.signIn(page, "anna", "editor");
            page.locator("#filter-text").fill("si-002");
            page.locator("#entry-rows tr[data-id=si-002] button").click();
            page.locator("#delete-entry").click();
            assertThat(page.locator("#delete-entry")).hasText("确认删除？");
            page.locator("#delete-entry").click();
            assertThat(page.locator("#message")).containsText("删除已保存为草稿");
            page.locator("#signout").click();
            browser.signIn(page, "bo", "reviewer");
            page.locator("#nav a[data-view=changes]").click();
            page.locator("article.change[data-entry=si-002] button.approve").click();
            assertThat(page.locator("#message")).containsText("已批准");

            // the publish page shows the drop and refuses it without a reason
            page.locator("#nav a[data-view=publish]").click();
            assertThat(page.locator("#check-summary")).containsText("准确率下降");
            assertThat(page.locator("#check")).containsText("q-si-002-a");
            ConsoleBrowser.screenshot(page, "editor-console-publish.png");
            page.locator("#publish-now").click();
            assertThat(page.locator("#message")).containsText("发布被拦截");
            page.locator("#publish-override").fill("si-002 并入 si-003，按政策调整");
            page.locator("#publish-now").click();
            assertThat(page.locator("#message")).containsText("已发布版本 2");
            browser.awaitLive(2);

            // a publish scheduled a minute ago runs on the next poll
            TestServer.ok(as("anna", "editor", "POST", "/api/admin/kb/changes", "{\"kind\":\"edit\",\"entryId\":\"si-003\",\"entry\":"
                    + server.admin("GET", "/api/admin/kb/entries/si-003", null).body().replace("\"answer\":\"", "\"answer\":\"（定时发布）") + "}"), 201);
            page.locator("#nav a[data-view=changes]").click();
            page.locator("article.change[data-entry=si-003] button.approve").click();
            assertThat(page.locator("#message")).containsText("已批准");
            page.locator("#nav a[data-view=publish]").click();
            page.locator("#publish-at").fill(LocalDateTime.now().minusMinutes(1).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
            page.locator("#publish-note").fill("周五例行更新");
            page.locator("#publish-schedule").click();
            assertThat(page.locator("#message")).containsText("已安排定时发布");
            browser.awaitLive(3);
            page.locator("#nav a[data-view=versions]").click();
            page.locator("#nav a[data-view=publish]").click();
            Locator row = page.locator("#schedules tr").filter(new Locator.FilterOptions().setHasText("周五例行更新"));
            assertThat(row).containsText("已完成");
            assertEquals(3, server.app().engine().indexes().liveVersion());
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "editor-console-publish-failure.png");
            throw t;
        }
    }
}
