package org.openhotline.server.http;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin page in Chromium: the admin creates an editor, the editor signs in (changing the initial password) and works; an agent gets nowhere. */
class AdminConsoleBrowserTest {
    static final String TOKEN = "admin-console-token-456";
    static final String ADMIN_PASSWORD = "admin-console-pass";

    @RegisterExtension
    static final TestServer server = TestServer.builder().adminToken(TOKEN).env("HOTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD).build();
    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(server, TOKEN);

    @Test
    void anAdminCreatesAUserWhoThenSignsIn() {
        Page page = browser.openAt("/admin");
        try {
            run(page);
        } catch (Throwable t) {
            ConsoleBrowser.screenshot(page, "admin-console-failure.png");
            throw t;
        }
    }

    private void run(Page page) {
        // only an admin gets in
        browser.signInWithPassword(page, "agent5", "agent", ConsoleBrowser.password("agent5"));
        assertThat(page.locator("#signin-error")).containsText("没有进入本页面的权限");
        page.locator("#signin-user").fill("admin");
        page.locator("#signin-password").fill(ADMIN_PASSWORD);
        page.locator("#signin-submit").click();
        assertThat(page.locator("#users tr[data-user=admin]")).containsText("管理员");

        // a skill group of the desk: how it routes and how many chats an agent takes in it
        page.locator("#group-new").click();
        page.locator("#group-code").fill("12333");
        page.locator("#group-name").fill("社保热线");
        page.locator("#group-strategy").selectOption("round-robin");
        page.locator("#group-saturation").fill("2");
        page.locator("#group-timeout").fill("15");
        page.locator("#group-save").click();
        assertThat(page.locator("#message")).containsText("已保存技能组 12333");
        Locator group = page.locator("#groups tr[data-group='12333']");
        assertThat(group).containsText("社保热线");
        assertThat(group).containsText("轮流分配");
        assertThat(group).containsText("15 分钟");

        // a new editor, who must change the initial password
        page.locator("#user-new").click();
        page.locator("#form-username").fill("zhang.min");
        page.locator("#form-display-name").fill("张敏");
        page.locator("#form-password").fill("initial-pass-1");
        page.locator("#form-roles input[value=AGENT]").uncheck();
        page.locator("#form-roles input[value=EDITOR]").check();
        page.locator("#form-groups input[value=社保]").check();
        page.locator("#form-groups input[value='12333']").check();
        page.locator("#form-groups-more").fill("临时组");
        page.locator("#form-max-chats").fill("5");
        page.locator("#form-save").click();
        assertThat(page.locator("#message")).containsText("已创建用户 zhang.min");
        Locator row = page.locator("#users tr[data-user='zhang.min']");
        assertThat(row).containsText("张敏");
        assertThat(row).containsText("知识编辑");
        assertThat(row).containsText("12333、临时组、社保");
        assertThat(row).containsText("待改密码");

        // editing: more chats, a second role and a SIP password for a softphone
        row.locator("button.edit").click();
        assertThat(page.locator("#form-sip-state")).hasText("未设置");
        page.locator("#form-roles input[value=REVIEWER]").check();
        page.locator("#form-max-chats").fill("6");
        page.locator("#form-sip-password").fill("zhang-sip-pass");
        page.locator("#form-save").click();
        assertThat(page.locator("#message")).containsText("已保存用户 zhang.min");
        page.locator("#users tr[data-user='zhang.min'] button.edit").click();
        assertThat(page.locator("#form-sip-state")).hasText("已设置");
        page.locator("#form-sip-clear").click();
        assertThat(page.locator("#form-sip-state")).hasText("未设置");
        assertThat(page.locator("#users tr[data-user='zhang.min']")).containsText("审核人");
        assertThat(page.locator("#groups tr[data-group='12333'] td").nth(6)).hasText("1");
        ConsoleBrowser.screenshot(page, "admin-console-users.png");

        // the new user signs in to the editor console, sets their own password, and is in
        Page editor = browser.open("");
        editor.locator("#signin-user").fill("zhang.min");
        editor.locator("#signin-password").fill("initial-pass-1");
        editor.locator("#signin-submit").click();
        editor.locator("#password-current").fill("initial-pass-1");
        editor.locator("#password-new").fill("zhang-own-pass");
        editor.locator("#password-again").fill("zhang-own-pass");
        editor.locator("#password-submit").click();
        assertThat(editor.locator("#who")).containsText("张敏（审核人）");
        assertThat(editor.locator("#nav")).isVisible();

        // the admin disables them: their next request returns them to the sign-in form
        page.locator("#users tr[data-user='zhang.min'] button.edit").click();
        page.locator("#form-disabled").check();
        page.locator("#form-save").click();
        assertThat(page.locator("#users tr[data-user='zhang.min']")).containsText("已停用");
        editor.locator("#nav a[data-view=changes]").click();
        assertThat(editor.locator("#signin")).isVisible();
        assertThat(editor.locator("#signin-error")).containsText("登录已过期");
    }
}
