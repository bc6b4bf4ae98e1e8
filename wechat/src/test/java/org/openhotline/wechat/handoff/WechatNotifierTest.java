package org.openhotline.wechat.handoff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.CitizenNotice.Type;
import org.openhotline.wechat.Await;
import org.openhotline.wechat.RigAccess;
import org.openhotline.wechat.simulator.WechatSimulator.Sent;

/** Desk notices for WeChat citizens, delivered through the customer-service API of the simulator. */
class WechatNotifierTest {
    static final String SID = "wechat:o-handoff-1";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    RigAccess rig;
    HttpServer files;
    WechatNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        rig = RigAccess.withTranscriber(null);
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/files/map.png", ex -> {
            ex.sendResponseHeaders(200, PNG.length);
            ex.getResponseBody().write(PNG);
            ex.close();
        });
        files.start();
        notifier = rig.channel().notifier(ImageFetcher.http(Duration.ofSeconds(10)), t -> t.replace("坏词", "**"), Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        files.stop(0);
        rig.close();
    }

    static CitizenNotice notice(Type type, String text) {
        return CitizenNotice.of(type, SID, "wechat", "chat-1", text, Instant.now());
    }

    @Test
    void queueAcceptAgentWordsEndAndRatingReachTheCitizenInOrder() {
        assertTrue(notifier.handles("wechat"));
        assertFalse(notifier.handles("web"));
        assertFalse(notifier.connectionBound(), "once, from the node where the notice arises");
        notifier.notify(notice(Type.QUEUED, "正在为您转接人工客服，您前面还有2位"));
        notifier.notify(notice(Type.POSITION, "您前面还有1位")); // within a minute of the last: not sent
        notifier.notify(notice(Type.ACCEPTED, "客服小王为您服务"));
        notifier.notify(notice(Type.TYPING, "…"));
        notifier.notify(new CitizenNotice(Type.MESSAGE, SID, "wechat", "chat-1", "您好，请问有什么可以帮您？坏词", "小王", 0, null, 3, "TEXT",
                "您好，请问有什么可以帮您？坏词", Map.of(), List.of(), Instant.now()));
        notifier.notify(notice(Type.ENDED, "本次服务已结束"));
        notifier.notify(notice(Type.RATING_INVITATION, "请为本次服务评分：回复 1–5（5 = 非常满意）"));
        List<String> texts = waitFor(() -> rig.wechat().sent(), 5).stream().map(Sent::text).toList();
        assertEquals(List.of("正在为您转接人工客服，您前面还有2位", "客服小王为您服务", "您好，请问有什么可以帮您？**", "本次服务已结束",
                "请为本次服务评分：回复 1–5（5 = 非常满意）"), texts);
        assertTrue(rig.wechat().sent().stream().allMatch(s -> s.openId().equals("o-handoff-1")));
    }

    @Test
    void anAgentsImageIsUploadedAndSentAsAnImage() {
        String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/files/map.png";
        notifier.notify(new CitizenNotice(Type.MESSAGE, SID, "wechat", "chat-1", "[图片]", "小王", 0, null, 4, "IMAGE", url, Map.of(), List.of(),
                Instant.now()));
        byte[] fetched;
        try {
            fetched = ImageFetcher.http(Duration.ofSeconds(10)).fetch(url);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertArrayEquals(PNG, fetched);
        var img = waitFor(() -> rig.wechat().images(), 1).get(0);
        assertEquals("o-handoff-1", img.openId());
        assertArrayEquals(PNG, rig.wechat().media(img.mediaId()));

        notifier.notify(new CitizenNotice(Type.MESSAGE, SID, "wechat", "chat-1", "[图片]", "小王", 0, null, 5, "IMAGE", url.replace("map.png", "missing.png"), Map.of(),
                List.of(), Instant.now()));
        assertEquals("[图片]", waitFor(() -> rig.wechat().sent(), 1).get(0).text(), "an image that cannot be read: its text goes instead");
    }

    @Test
    void aNoticeForAnotherChannelsSessionIsIgnoredWithoutThrowing() {
        notifier.notify(CitizenNotice.of(Type.ACCEPTED, "web-session-1", "wechat", "chat-2", "客服小王为您服务", Instant.now()));
        notifier.notify(CitizenNotice.of(Type.ACCEPTED, null, "wechat", "chat-2", "客服小王为您服务", Instant.now()));
        assertTrue(rig.wechat().sent().isEmpty());
    }

    static <T> List<T> waitFor(Supplier<List<T>> list, int n) {
        try {
            Await.until(() -> list.get().size() >= n, () -> n + " expected, got " + list.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return list.get();
    }
}
