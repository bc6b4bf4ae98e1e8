package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.kb.io.EntryFiles;
import org.openhotline.kb.model.Entry;

/**
 * The console's tools in a real browser (Debian's Chromium through Playwright): an import refused with its row report and
 * then accepted as a draft, an export of a filtered set downloaded and read back, the hot and hardest questions report
 * with its Excel download, the expiry reminders and the audit log. Screenshots land in target/.
 */
class EditorConsoleToolsBrowserTest {
    static final String TOKEN = "console-tools-token-654";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).build();
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server, TOKEN);

    @Test
    void importRefusedThenDraftedExportDownloadedAndAudited() throws Exception {
        browser.awaitLive(1);
        Page page = browser.open("#files");
        try {
            browser.signIn(page, "ivy", "editor");
            Path dir = Files.createTempDirectory("console-import");
            Path bad = dir.resolve("bad.jsonl");
            Files.writeString(bad, line("console-new-1", "浏览器导入测试的问题", "浏览器导入测试的答案。") + "\n"
                    + line("console-new-2", "没有答案的问题", "") + "\n", StandardCharsets.UTF_8);
            page.locator("#import-file").setInputFiles(bad);
            page.locator("#import-upload").click();
            assertThat(page.locator("#import-report")).containsText("未导入任何内容");
            assertThat(page.locator("#import-problems tr[data-row='2']")).containsText("answer");
            ConsoleBrowser.screenshot(page, "editor-console-import-refused.png");

            Path good = dir.resolve("good.jsonl");
            Files.writeString(good, line("console-new-1", "浏览器导入测试的问题", "浏览器导入测试的答案。") + "\n"
                    + line("console-new-2", "浏览器导入测试的第二个问题", "第二个答案。") + "\n", StandardCharsets.UTF_8);
            page.locator("#import-file").setInputFiles(good);
            page.locator("#import-upload").click();
            assertThat(page.locator("#import-report")).containsText("生成 2 个草稿");
            page.locator("#nav a[data-view=changes]").click();
            assertThat(page.locator("article.change[data-entry=console-new-1]")).containsText("浏览器导入测试的答案");
            assertThat(page.locator("#approve-all")).hasCount(0); // an editor approves nothing

            // a reviewer approves the import's drafts in one action
            page.locator("#signout").click();
            browser.signIn(page, "rui", "reviewer");
            page.navigate(page.url().replaceAll("#.*$", "") + "#changes");
            page.locator("#approve-all").click();
            assertThat(page.locator("#message")).containsText("已批准 2 项变更");
            assertThat(page.locator("article.change[data-entry=console-new-2]")).hasCount(0);

            // a filtered export, downloaded by the browser and read back by the product's reader
            page.locator("#nav a[data-view=files]").click();
            page.locator("#export-format").selectOption("jsonl");
            page.locator("#export-q").fill("公积金");
            Download d = page.waitForDownload(() -> page.locator("#export-download").click());
            assertTrue(d.suggestedFilename().endsWith("-filtered.jsonl"), d.suggestedFilename());
            List<Entry> exported = EntryFiles.read(Files.newInputStream(d.path()), "x.jsonl", "download").entries();
            int expected = server.expect(200, "GET", "/api/admin/kb/entries?limit=1&q=" + TestServer.enc("公积金"), null).get("total").asInt();
            assertEquals(expected, exported.size());
            assertTrue(exported.stream().allMatch(e -> (e.id() + e.question() + e.similar() + e.answer() + e.keywords()).contains("公积金")));

            // the import and its draft are in the audit log; the entry list finds the changed entries by last change
            page.locator("#nav a[data-view=audit]").click();
            assertThat(page.locator("#audit-rows tr[data-action=import]")).containsText("good.jsonl");
            page.locator("#nav a[data-view=expiring]").click();
            assertThat(page.locator("#expiring-days")).hasValue("14");
            page.locator("#expiring-days").fill("365");
            page.locator("#expiring-show").click();
            assertThat(page.locator("h2").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("365 天内到期"))).isVisible();
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "editor-console-tools-failure.png");
            throw t;
        }
    }

    @Test
    void theReportShowsHotAndHardestQuestionsAndDownloadsAsExcel() throws Exception {
        browser.awaitLive(1);
        String entry = server.chat("tools-1", "社保卡怎么激活").get("entryId").asText();
        server.chat("tools-2", "社保卡怎么激活");
        server.expect(200, "POST", "/api/chat/feedback", TestServer.JSON.writeValueAsString(Map.of("sessionId", "tools-2", "entryId", entry, "helpful", false)));
        server.chat("tools-3", "月球上的公积金怎么取");
        Page page = browser.open("#reports");
        try {
            browser.signIn(page, "rui", "reviewer");
            assertThat(page.locator("#hot-entries tr[data-entry='" + entry + "']")).containsText("社保卡");
            assertThat(page.locator("#hard-entries tr[data-entry='" + entry + "']")).containsText("被标记无用");
            assertThat(page.locator("#report-summary")).containsText("知识库问题");
            ConsoleBrowser.screenshot(page, "editor-console-report.png");
            Download d = page.waitForDownload(() -> page.locator("#report-export").click());
            assertTrue(d.suggestedFilename().endsWith(".xlsx"), d.suggestedFilename());
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(d.path()))) {
                assertEquals(entry, wb.getSheet("热点问题（条目）").getRow(1).getCell(1).getStringCellValue());
            }
            page.locator("#report-from").fill("2020-01-01");
            page.locator("#report-to").fill("2020-01-07");
            page.locator("#report-show").click();
            assertThat(page.locator("#report-summary")).containsText("2020-01-01 至 2020-01-07");
            assertThat(page.locator("#hot-entries")).containsText("本期没有数据");
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "editor-console-report-failure.png");
            throw t;
        }
    }

    static String line(String id, String question, String answer) throws Exception {
        return TestServer.JSON.writeValueAsString(Map.of("id", id, "category", "测试", "question", question, "answer", answer));
    }
}
