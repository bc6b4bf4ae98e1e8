package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 服务水平 section of the console's 报表 page in Chromium: a supervisor (who sees only 报表) picks a date and a
 * channel and reads 接起率 / 回电率 / 受理率 against the targets, red when below, per day and per group, and downloads
 * the Excel; an editor's 报表 page has no such section. Screenshots land in target/.
 */
class ServiceLevelsBrowserTest {
    static final String TOKEN = "service-levels-token-321";
    static final String DB = "jdbc:h2:mem:slaui" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL";

    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_DATABASE_URL", DB).adminToken(TOKEN).build();
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server, TOKEN);

    /** 2 March (Beijing): 18 of 20 社保 calls answered, both others timed out, one called back; one web chat answered. */
    @BeforeAll
    static void rows() throws Exception {
        try (Connection c = DriverManager.getConnection(DB)) {
            Instant day = Instant.parse("2026-03-02T01:00:00Z");
            for (int i = 0; i < 20; i++) ServiceReportApiTest.chat(c, i + 1, "voice", "社保", day.plusSeconds(60L * i), i < 18 ? 8 : null, i < 18 ? "resolved" : "queue-timeout");
            ServiceReportApiTest.chat(c, 21, "web", "医保", day, 4, "resolved");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO callback_task (kind, phone, channel, skill_group, reason, status, outcome, attempts, contacts, "
                    + "last_contact_at, due_at, created_at, done_at) VALUES ('MISSED_CALL', '13800138000', 'voice', '社保', 'no_agent', 'DONE', 'REACHED', 0, 1, ?, ?, ?, ?)")) {
                Timestamp t = Timestamp.from(day.plusSeconds(3600));
                for (int i = 1; i <= 4; i++) ps.setTimestamp(i, t);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void aSupervisorReadsTheRatesAgainstTheTargetsAndDownloadsThem() throws Exception {
        Page page = browser.open("#reports");
        try {
            browser.signIn(page, "sam", "supervisor");
            assertThat(page.locator("#nav a[data-view=entries]")).isHidden();
            assertThat(page.locator("#nav a[data-view=reports]")).isVisible();
            page.locator("#service-from").fill("2026-03-02");
            page.locator("#service-to").fill("2026-03-02");
            page.locator("#service-channel").selectOption("voice");
            page.locator("#service-show").click();
            assertThat(page.locator("#service-answer-rate")).containsText("90.0%");
            assertThat(page.locator("#service-answer-rate")).hasClass(Pattern.compile("\\bbad\\b"));
            assertThat(page.locator("#service-callback-rate")).containsText("5.0%");
            assertThat(page.locator("#service-acceptance-rate")).containsText("95.0%");
            assertThat(page.locator("#service-acceptance-rate")).hasClass(Pattern.compile("\\bbad\\b"));
            assertThat(page.locator("#service-summary")).containsText("排队超时 2");
            assertThat(page.locator("#service-days tr[data-day='2026-03-02']")).containsText("20");
            assertThat(page.locator("#service-groups tr[data-group='社保']")).containsText("90.0%");
            assertThat(page.locator("#service-groups tr[data-group='医保']")).hasCount(0);
            ConsoleBrowser.screenshot(page, "service-levels-voice.png");

            Download d = page.waitForDownload(() -> page.locator("#service-export").click());
            assertTrue(d.suggestedFilename().startsWith("服务水平报表-2026-03-02"), d.suggestedFilename());
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(d.path()))) {
                assertEquals(20, (int) wb.getSheet("合计").getRow(4).getCell(1).getNumericCellValue());
                assertEquals("voice", wb.getSheet("合计").getRow(2).getCell(1).getStringCellValue(), "the channel the page asked for");
            }

            page.locator("#service-channel").selectOption("web");
            page.locator("#service-show").click();
            assertThat(page.locator("#service-answer-rate")).containsText("100.0%");
            assertThat(page.locator("#service-answer-rate")).hasClass(Pattern.compile("\\bgood\\b"));
            assertThat(page.locator("#service-groups tr[data-group='医保']")).isVisible();
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "service-levels-failure.png");
            throw t;
        }
    }

    @Test
    void anEditorsReportPageHasNoServiceSection() {
        Page page = browser.open("#reports");
        try {
            browser.signIn(page, "eve", "editor");
            assertThat(page.locator("#report-summary")).isVisible();
            assertThat(page.locator("#service-levels")).hasCount(0);
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "service-levels-editor-failure.png");
            throw t;
        }
    }
}
