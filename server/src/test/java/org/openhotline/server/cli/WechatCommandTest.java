package org.openhotline.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.wechat.simulator.WechatSimulator;

/** `./hotline wechat menu push` and `./hotline wechat check` against the WeChat simulator. */
class WechatCommandTest {
    static final String APP = "wx00112233445566ff";
    static final String SECRET = "00112233445566778899aabbccddeeff";
    WechatSimulator wechat;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() {
        wechat = new WechatSimulator(APP, SECRET, "clitoken", "");
        env.putAll(Map.of("HOTLINE_WECHAT_APPID", APP, "HOTLINE_WECHAT_SECRET", SECRET, "HOTLINE_WECHAT_TOKEN", "clitoken",
                "HOTLINE_WECHAT_API_BASE_URL", wechat.apiBaseUrl()));
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    int run(String... args) {
        return new HotlineCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    @Test
    void menuPushCreatesTheConfiguredMenu() {
        env.put("HOTLINE_WECHAT_MENU_BUTTONS", "社保服务/缴费查询 = click:SI_RECORDS, 社保服务/社保卡 = click:SI_CARD, 公积金 = view:https://example.gov.cn/hf");
        env.put("HOTLINE_WECHAT_MENU", "SI_RECORDS=flow:si-payment-records, SI_CARD=category:社保卡");
        assertEquals(0, run("wechat", "menu", "push"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("menu created: 2 menus"), out.toString(StandardCharsets.UTF_8));
        JsonNode menu = wechat.menus().get(0);
        assertEquals("社保服务", menu.path("button").get(0).path("name").asText());
        assertEquals("SI_CARD", menu.path("button").get(0).path("sub_button").get(1).path("key").asText());
        assertEquals("https://example.gov.cn/hf", menu.path("button").get(1).path("url").asText());
    }

    @Test
    void aClickKeyWithoutATargetOrABadButtonIsRefusedBeforeWechatIsCalled() {
        env.put("HOTLINE_WECHAT_MENU_BUTTONS", "社保 = click:SI_RECORDS");
        assertEquals(1, run("wechat", "menu", "push"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[SI_RECORDS]"), err.toString(StandardCharsets.UTF_8));
        env.put("HOTLINE_WECHAT_MENU_BUTTONS", "社会保险服务大厅 = click:SI_RECORDS");
        assertEquals(1, run("wechat", "menu", "push"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("16 bytes"), err.toString(StandardCharsets.UTF_8));
        assertTrue(wechat.menus().isEmpty());
    }

    @Test
    void checkNamesEachMistakeAndFailsWithoutAServerUrl() {
        env.put("HOTLINE_WECHAT_AESKEY", "tooshort");
        assertEquals(1, run("wechat", "check"));
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(o.contains("✓ wechat.app-id"), o);
        assertTrue(o.contains("✓ credentials: WeChat accepted"), o);
        assertTrue(o.contains("✗ wechat.aes-key: is 8 characters"), o);
        assertTrue(o.contains("✗ wechat.server-url: empty"), o);
    }
}
