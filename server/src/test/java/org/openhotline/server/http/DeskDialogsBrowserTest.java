package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.server.Await;

/**
 * The console's dialogs in Debian's Chromium: an agent invites the group leader, who joins from their own console and
 * writes to the citizen; then the agent transfers the chat back to the group with a note. Screenshots in
 * target/screenshots/.
 */
class DeskDialogsBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true").build();
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    @Test
    void agentInvitesTheLeaderThenTransfersToTheGroup() throws Exception {
        // a deadline, so that an index that never goes live fails the test instead of hanging the build
        Await.until(() -> server.app().engine().indexes().liveVersion() >= 1, java.time.Duration.ofMinutes(3), () -> "the sample knowledge base never went live");
        server.chat("warm-up", "社保卡怎么补办");
        Page citizen = browser.citizen();
        Page agent = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        Page leader = null;
        try {
            citizen.locator("#text").fill("转人工");
            citizen.locator("#text").press("Enter");
            agent.locator("#queue li.offered button.accept").click();
            assertThat(agent.locator("#summary-reason")).containsText("市民要求转人工");

            leader = browser.agent("leader1", "demo-leader1-2026", "班组长");
            agent.locator("#invite").click();
            agent.locator("#invite-leader").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("班组长（在线）"));
            agent.locator("#invite-note").fill("市民询问异地转移，请协助");
            agent.locator("#dialog-ok").click();
            assertThat(agent.locator("#message")).containsText("已邀请组长");

            leader.locator("#chats li[data-chat]").first().click();
            assertThat(leader.locator("#msgs")).containsText("加入会话");
            leader.locator("#compose-text").fill("组长补充：转移接续可以在网上办理。");
            leader.locator("#send").click();
            assertThat(citizen.locator(".msg.agent")).containsText("组长补充");
            assertThat(agent.locator("#msgs li.agent")).containsText("组长补充");
            DeskBrowser.screenshot(leader, "console-leader-joined.png");

            agent.locator("#transfer").click();
            agent.locator("#transfer-target").selectOption("group:12345");
            agent.locator("#transfer-note").fill("已答复一半，请继续跟进");
            DeskBrowser.screenshot(agent, "console-transfer-dialog.png");
            agent.locator("#dialog-ok").click();
            assertThat(agent.locator("#message")).containsText("已转接");
        } catch (Throwable t) {
            DeskBrowser.screenshot(agent, "desk-dialogs-failure-console.png");
            if (leader != null) DeskBrowser.screenshot(leader, "desk-dialogs-failure-leader.png");
            throw t;
        }
    }
}
