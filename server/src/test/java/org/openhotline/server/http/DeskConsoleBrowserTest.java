package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.satisfaction.Rating;
import org.openhotline.server.Await;

/**
 * A live chat end to end in Debian's Chromium on the real product: a citizen asks for a person in the web chat, an
 * agent signs in at /console, accepts, reads the bot's summary, answers with a canned reply the citizen sees at once;
 * a reply with a sensitive word is refused with the word named and never reaches the citizen; both pages reload and
 * show every message exactly once; the agent ends the chat and the citizen rates it. Screenshots in
 * target/screenshots/.
 */
class DeskConsoleBrowserTest {
    static final String CANNED = "您好，社保卡补办请携带身份证到就近的社保网点办理，当场可取临时卡。";
    static final String CITIZEN_REPLY = "好的，谢谢您";

    @RegisterExtension
    static final TestServer server = TestServer.builder()
            .env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true")
            .configYaml("""
                    desk:
                      rating-tags:
                        "5": [回复及时, 解答专业]
                        "1": [等待太久]
                    """)
            .build();
    @RegisterExtension
    static final DeskBrowser browser = new DeskBrowser(server);

    @Test
    void citizenAsksForAPersonAgentAnswersEndsAndCitizenRates() throws Exception {
        // a deadline, so that an index that never goes live fails the test instead of hanging the build
        Await.until(() -> server.app().engine().indexes().liveVersion() >= 1, java.time.Duration.ofMinutes(3), () -> "the sample knowledge base never went live");
        server.chat("warm-up", "社保卡怎么补办"); // the first turn loads the NLU models: not the page's wait
        Page citizen = browser.citizen();
        Page agent = browser.agent("agent1", "demo-agent1-2026", "坐席一号");
        try {
            live(citizen, agent);
        } catch (Throwable t) { // what both pages showed when it went wrong
            DeskBrowser.screenshot(citizen, "desk-failure-chat.png");
            DeskBrowser.screenshot(agent, "desk-failure-console.png");
            System.out.println("presence select: " + agent.locator("#presence").inputValue());
            throw t;
        }
    }

    private void live(Page citizen, Page agent) throws Exception {
        // the citizen asks for a person: queued with a position
        say(citizen, "转人工");
        assertThat(citizen.locator("#waiting")).containsText("第 1 位");
        DeskBrowser.screenshot(citizen, "chat-waiting.png");

        // the agent sees the chat offered live (the only agent online), accepts, reads the bot's summary
        Locator queued = agent.locator("#queue li.queued");
        assertThat(queued).hasCount(1);
        assertThat(queued).containsText("分配给您");
        assertThat(agent.locator("#presence")).hasValue("ONLINE");
        DeskBrowser.screenshot(agent, "console-offered.png");
        queued.locator("button.accept").click();
        assertThat(agent.locator("#summary-reason")).containsText("市民要求转人工");
        assertThat(agent.locator("#summary-transcript")).containsText("转人工");
        assertThat(citizen.locator("#live-status")).containsText("坐席一号");

        // a canned reply, saved, found and inserted, reaches the citizen at once
        agent.locator(".tabs button[data-tab=canned]").click();
        agent.locator("#canned-title").fill("补办社保卡");
        agent.locator("#canned-text").fill(CANNED);
        agent.locator("#side-body form button[type=submit]").click();
        agent.locator("#canned-q").fill("补办");
        agent.locator("#canned [data-canned] button.insert").first().click();
        assertThat(agent.locator("#compose-text")).hasValue(CANNED);
        agent.locator("#send").click();
        assertThat(citizen.locator(".msg.agent")).containsText(CANNED);
        assertThat(agent.locator("#msgs li.agent")).containsText(CANNED);

        // a sensitive word is refused with the word named; the text stays for editing
        agent.locator("#compose-text").fill("您也可以办理信用卡提现业务");
        agent.locator("#send").click();
        assertThat(agent.locator("#refusal")).containsText("信用卡提现");
        assertThat(agent.locator("#compose-text")).hasValue("您也可以办理信用卡提现业务");
        agent.locator("#compose-text").fill("");

        // the citizen answers; the agent sees it and the citizen's read mark
        say(citizen, CITIZEN_REPLY);
        assertThat(agent.locator("#msgs li.citizen")).containsText(CITIZEN_REPLY);
        assertThat(agent.locator("#msgs li.agent .read").first()).hasText("已读");
        DeskBrowser.screenshot(agent, "console-chat.png");

        // both pages reload: every message once, and the chat goes on
        citizen.reload();
        assertThat(citizen.locator("body[data-live=open]")).hasCount(1);
        assertThat(citizen.locator(".msg.agent", new Page.LocatorOptions().setHasText(CANNED))).hasCount(1);
        assertThat(citizen.locator(".msg.user", new Page.LocatorOptions().setHasText(CITIZEN_REPLY))).hasCount(1);
        agent.reload();
        assertThat(agent.locator("#link")).hasText("已连接");
        agent.locator("#chats li[data-chat]").first().click();
        assertThat(agent.locator("#msgs li.agent", new Page.LocatorOptions().setHasText(CANNED))).hasCount(1);
        assertThat(agent.locator("#msgs li.citizen", new Page.LocatorOptions().setHasText(CITIZEN_REPLY))).hasCount(1);
        agent.locator("#compose-text").fill("请问还有其他问题吗？");
        agent.locator("#compose-text").press("Enter");
        assertThat(citizen.locator(".msg.agent", new Page.LocatorOptions().setHasText("请问还有其他问题吗？"))).hasCount(1);
        assertEquals(0, citizen.locator(".msg", new Page.LocatorOptions().setHasText("信用卡提现")).count());

        // the agent ends with a reason and notes; the citizen gets the rating form and rates
        agent.locator("#end").click();
        agent.locator("#end-reason").selectOption("solved");
        agent.locator("#end-notes").fill("已告知补办社保卡所需材料");
        agent.locator("#dialog-ok").click();
        assertThat(agent.locator("#pane .pane-head")).containsText("已结束");
        Locator form = citizen.locator("#rating");
        assertThat(form).isVisible();
        form.locator("button[data-level='5']").click();
        form.locator(".tags input[value=回复及时]").check();
        citizen.locator("#rating-comment").fill("很耐心");
        DeskBrowser.screenshot(citizen, "chat-rating.png");
        citizen.locator("#rating-submit").click();
        assertThat(citizen.locator("#rating-thanks")).isVisible();
        DeskBrowser.screenshot(agent, "console-ended.png");

        // during wrap-up the agent completes the notes
        assertThat(agent.locator("#wrapup-notes")).hasValue("已告知补办社保卡所需材料");
        agent.locator("#wrapup-notes").fill("已告知补办社保卡所需材料；无需回访");
        agent.locator("#wrapup-save").click();
        assertThat(agent.locator("#message")).containsText("话后小结已保存");

        String chatId = agent.locator("#chats li[data-chat]").first().getAttribute("data-chat");
        assertEquals("已告知补办社保卡所需材料；无需回访", server.app().desk().orElseThrow().chat(chatId).wrapUpNote());
        Rating rating = server.app().desk().orElseThrow().rating(chatId);
        assertEquals(5, rating.level().score());
        assertTrue(rating.tags().contains("回复及时"), rating.tags().toString());
        assertEquals("很耐心", rating.comment());
    }

    private static void say(Page citizen, String text) {
        citizen.locator("#text").fill(text);
        citizen.locator("#text").press("Enter");
    }
}
