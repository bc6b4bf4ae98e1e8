package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The editors' weekly cycle in a real browser (Debian's Chromium driven by Playwright, never a downloaded browser) on
 * the real product: an editor changes an answer, another person approves it as reviewer and publishes, the bot answers
 * with the new text; a rollback from the versions view brings the old text back. Screenshots land in target/.
 */
class EditorConsoleBrowserTest {
    static final String TOKEN = "console-browser-token-789";
    static final String QUESTION = "如何办理职工基本养老保险参保登记";
    static final String NEW_ANSWER = "新口径（浏览器测试）：单位应自用工之日起30日内为职工办理养老保险参保登记。";
    static final AtomicInteger SESSIONS = new AtomicInteger();

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN)
            .env("HOTLINE_KB_POLL_SECONDS", "1").env("HOTLINE_EDITOR_SCHEDULE_POLL_SECONDS", "1").build();
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server, TOKEN);

    @Test
    void editReviewPublishTheBotAnswersThenRollBack() throws Exception {
        browser.awaitLive(1);
        String oldAnswer = botAnswer();
        assertTrue(!oldAnswer.contains(NEW_ANSWER), oldAnswer);
        Page page = browser.open("");
        try {
            cycle(page, oldAnswer);
        } catch (Throwable t) { // what the page showed when it went wrong, for whoever reads the failure
            ConsoleBrowser.screenshot(page, "editor-console-failure.png");
            throw t;
        }
    }

    private void cycle(Page page, String oldAnswer) throws Exception {

        // a wrong password is refused, and the console stays closed
        browser.signInWithPassword(page, "anna", "editor", "wrong-password");
        assertThat(page.locator("#signin-error")).containsText("用户名或密码错误");
        assertThat(page.locator("#signin")).isVisible();

        // the editor finds the entry, changes its answer; the form shows the collision check before saving
        browser.signIn(page, "anna", "editor");
        page.locator("#filter-text").fill("si-001");
        assertThat(page.locator("#entry-rows tr")).hasCount(1);
        page.locator("#entry-rows tr[data-id=si-001] button").click();
        page.locator("#f-answer").fill(NEW_ANSWER);
        page.locator("#f-similar").fill(page.locator("#f-similar").inputValue() + "\n养老保险怎么参保登记呀");
        page.locator("#check-similar").click();
        assertThat(page.locator("#collisions li")).containsText("养老保险怎么参保登记呀");
        ConsoleBrowser.screenshot(page, "editor-console-edit-form.png");
        boolean collides = page.locator("#collisions li.bad").count() > 0;
        page.locator("#save").click();
        if (collides) { // the console asks once more before saving a colliding question
            assertThat(page.locator("#save")).hasText("仍然保存");
            page.locator("#save").click();
        }
        assertThat(page.locator("#message")).containsText("已保存为草稿");
        Locator change = page.locator("article.change[data-entry=si-001]");
        assertThat(change).containsText("待审核");
        assertThat(change.locator("button.approve")).hasCount(0); // an editor cannot approve

        // a second person, as reviewer, approves and publishes now
        page.locator("#signout").click();
        browser.signIn(page, "bo", "reviewer");
        page.navigate(page.url().replaceAll("#.*$", "") + "#changes");
        page.locator("article.change[data-entry=si-001] input.comment").fill("核对无误");
        page.locator("article.change[data-entry=si-001] button.approve").click();
        assertThat(page.locator("#message")).containsText("已批准");
        page.locator("#nav a[data-view=publish]").click();
        assertThat(page.locator("#check-summary")).containsText("已批准变更 1 项");
        page.locator("#publish-now").click();
        assertThat(page.locator("#message")).containsText("已发布版本 2");
        awaitBotAnswer(NEW_ANSWER, true);

        // the diff of version 2 shows the answer before and after; rolling back to 1 brings the old text back
        page.locator("#nav a[data-view=versions]").click();
        page.locator("#versions tr[data-version='2'] button.show-diff").click();
        assertThat(page.locator("#diff .changed[data-entry=si-001]")).containsText(NEW_ANSWER);
        ConsoleBrowser.screenshot(page, "editor-console-diff.png");
        Locator rollback = page.locator("#versions button.rollback[data-version='1']");
        rollback.click();
        assertThat(rollback).containsText("确认回滚");
        rollback.click();
        assertThat(page.locator("#message")).containsText("新版本 3", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        awaitBotAnswer(NEW_ANSWER, false);
        assertTrue(botAnswer().contains(oldAnswer.substring(0, Math.min(20, oldAnswer.length()))), botAnswer());
    }

    @Test
    void unansweredQuestionsBecomeADraftOrAreDismissedFromTheInbox() throws Exception {
        browser.awaitLive(1);
        for (String text : new String[] {"火星移民签证在哪里办理", "去火星移民的签证怎么办", "我家猫咪的疫苗证明去哪开", "宠物猫疫苗证明在哪里开"}) {
            server.chat("inbox-" + SESSIONS.incrementAndGet(), text);
        }
        Page page = browser.open("/#inbox");
        browser.signIn(page, "cai", "editor");
        Locator mars = page.locator("article.cluster").filter(new Locator.FilterOptions().setHasText("火星"));
        Locator cat = page.locator("article.cluster").filter(new Locator.FilterOptions().setHasText("猫"));
        assertThat(mars).containsText("2 次");
        assertThat(mars.locator(".examples li")).hasCount(2);
        ConsoleBrowser.screenshot(page, "editor-console-inbox.png");

        mars.locator("button", new Locator.LocatorOptions().setHasText("忽略")).click();
        assertThat(page.locator("#message")).containsText("已忽略");
        assertThat(mars).hasCount(0);
        cat.locator("input.entry-id").fill("si-005");
        cat.locator("button", new Locator.LocatorOptions().setHasText("加为相似问")).click();
        assertThat(page.locator("#message")).containsText("si-005");
        assertThat(cat).hasCount(0);

        // the draft waits in the change list with the cluster's questions as new similar ones; its author withdraws it
        page.locator("#nav a[data-view=changes]").click();
        Locator draft = page.locator("article.change[data-entry=si-005]");
        assertThat(draft).containsText("猫");
        draft.locator("button.withdraw").click();
        assertThat(page.locator("#message")).containsText("已撤回");
        assertThat(draft).hasCount(0);
    }



    /** The text the bot answers the entry's question with, in a fresh session. */
    static String botAnswer() throws Exception {
        return server.chat("console-" + SESSIONS.incrementAndGet(), QUESTION).toString();
    }

    /** Waits (nodes swap indexes in the background) until the bot's answer does or does not hold {@code text}. */
    static void awaitBotAnswer(String text, boolean present) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            last = botAnswer();
            if (last.contains(text) == present) return;
            Thread.sleep(250);
        }
        throw new AssertionError("the bot never answered " + (present ? "with " : "without ") + text + "; last: " + last);
    }

}
