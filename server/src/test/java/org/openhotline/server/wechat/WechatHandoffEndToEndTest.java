package org.openhotline.server.wechat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.desk.Desk;
import org.openhotline.desk.chat.ChatMessage;
import org.openhotline.desk.chat.MessageKind;
import org.openhotline.desk.presence.Presence;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.wechat.simulator.WechatSimulator;
import org.openhotline.wechat.simulator.WechatSimulator.Attempt;
import org.openhotline.wechat.simulator.WechatSimulator.Mode;
import org.openhotline.wechat.simulator.WechatSimulator.Sent;

/**
 * A WeChat citizen handed to a person and back, on the real product (H2, the desk, the sample agent) with the WeChat
 * simulator on both sides: the citizen asks for a person through a signed, encrypted callback; queue and accept
 * notices, the agent's text and image arrive as customer-service messages (counted at the simulator); the citizen's
 * messages reach the agent with sensitive words masked, the agent's sensitive words never leave; the end brings the
 * rating invitation and the citizen's "5" is recorded as the chat's rating.
 */
class WechatHandoffEndToEndTest {
    static final String AES_KEY = WechatApps.AES_KEY;
    static final String OPENID = "o-handoff-e2e-0001";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    @TempDir
    static Path data;
    static HotlineApp app;
    static WechatSimulator wechat;

    @BeforeAll
    static void start() {
        wechat = new WechatSimulator("wxe2e0000000001", "e2e-secret", "e2etoken", AES_KEY);
        app = WechatApps.start(data, wechat, "wxe2e0000000001", "e2e-secret", "e2etoken", AES_KEY, Map.of("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true"));
    }

    @AfterAll
    static void stop() {
        app.close();
        wechat.close();
    }

    static String say(String text) {
        List<Attempt> a = wechat.deliver(wechat.textXml(OPENID, text), Mode.SAFE);
        assertEquals(200, a.get(a.size() - 1).status());
        return a.get(a.size() - 1).replyText();
    }

    static String agentId(String username, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).path("user").path("id").asText();
    }

    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000; // generous: a loaded CI box can be seconds late
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what + "; sent: " + wechat.sent());
            Thread.sleep(50);
        }
    }

    static List<String> textsTo() {
        return wechat.sent().stream().filter(s -> s.openId().equals(OPENID)).map(Sent::text).toList();
    }

    @Test
    void aWechatCitizenIsHandedToAnAgentAndRatesTheChat() throws Exception {
        Desk desk = app.desk().orElseThrow();
        String agent = agentId("agent1", "demo-agent1-2026");
        desk.presence(agent, Presence.ONLINE);

        String transfer = say("转人工");
        assertTrue(transfer != null && !transfer.isBlank(), "the transfer is answered passively");
        await(() -> !desk.snapshot(agent).chats().isEmpty() || !desk.snapshot(agent).queue().isEmpty(), "the chat at the desk");
        String chatId = !desk.snapshot(agent).chats().isEmpty() ? desk.snapshot(agent).chats().get(0).chatId()
                : desk.snapshot(agent).queue().get(0).chatId();
        desk.accept(agent, chatId);
        await(() -> textsTo().stream().anyMatch(t -> t.contains("坐席一号")), "the accepted notice");

        assertEquals(null, say("咨询一下，你们傻逼吗，怎么还不处理"), "with an agent in the chat the bot stays silent: WeChat gets \"success\"");
        await(() -> desk.messages(chatId, 0, 100).stream().anyMatch(m -> m.body().contains("咨询")), "the citizen's message at the desk");
        String relayed = desk.messages(chatId, 0, 100).stream().map(ChatMessage::body).filter(b -> b.contains("咨询")).findFirst().orElseThrow();
        assertFalse(relayed.contains("傻逼"), "an insult reaches the agent masked: " + relayed);

        List<Attempt> picture = wechat.deliver(wechat.imageXml(OPENID), Mode.SAFE);
        assertEquals(null, picture.get(picture.size() - 1).replyText(), "a picture in a chat with a person is theirs, not the bot's");
        await(() -> desk.messages(chatId, 0, 100).stream().anyMatch(m -> m.body().contains("[图片] http://127.0.0.1/pic.jpg")),
                "the citizen's picture at the desk");

        int before = textsTo().size();
        assertFalse(desk.sendFromAgent(agent, chatId, MessageKind.TEXT, "可以帮您办理信用卡提现").isSent(), "the agent's sensitive word is refused");
        assertTrue(desk.sendFromAgent(agent, chatId, MessageKind.TEXT, "您好，请问您的社保卡是哪年办理的？").isSent());
        await(() -> textsTo().contains("您好，请问您的社保卡是哪年办理的？"), "the agent's text");
        assertEquals(before + 1, textsTo().size(), "the refused message never left");

        Path uploads = data.resolve("uploads");
        Files.createDirectories(uploads);
        String name = "0123456789abcdef0123456789abcdef.png";
        Files.write(uploads.resolve(name), PNG);
        assertTrue(desk.sendFromAgent(agent, chatId, MessageKind.IMAGE, "/uploads/" + name).isSent());
        await(() -> wechat.images().stream().anyMatch(i -> i.openId().equals(OPENID)), "the agent's image");
        assertArrayEquals(PNG, wechat.media(wechat.images().get(0).mediaId()));

        desk.end(agent, chatId, "solved", "已答复");
        await(() -> textsTo().stream().anyMatch(t -> t.contains("回复 5")), "the rating invitation");
        String thanks = say("5");
        assertTrue(thanks != null && !thanks.isBlank(), "the rating is acknowledged");
        await(() -> desk.rating(chatId) != null, "the rating");
        assertEquals(5, desk.rating(chatId).level().score());

        Thread.sleep(500);
        List<String> all = textsTo();
        assertEquals(all.size(), all.stream().distinct().count(), "every customer-service message exactly once: " + all);
    }
}
