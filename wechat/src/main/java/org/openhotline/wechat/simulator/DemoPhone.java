package org.openhotline.wechat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SIMULATOR ONLY — the demo's phone: a page shaped like a WeChat chat whose messages travel the real callback
 * protocol. {@code POST /wechat-demo/send} delivers the text (or a follow / menu click) through
 * {@link WechatSimulator#deliver}, on its own thread (WeChat's retries included); the passive reply and every
 * customer-service message to that person land in a per-person timeline the page polls
 * ({@code GET /wechat-demo/messages?openId=&after=}).
 */
final class DemoPhone {
    static final String PATH = "/wechat-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 600;

    private record Item(long seq, String from, String kind, String text, String via) {}

    private final WechatSimulator wechat;
    private final WechatSimulator.Mode mode;
    private final Map<String, List<Item>> timelines = new ConcurrentHashMap<>();

    DemoPhone(WechatSimulator wechat, WechatSimulator.Mode mode) {
        this.wechat = wechat;
        this.mode = mode;
        wechat.onSent(s -> add(s.openId(), "account", "text", s.text(), "客服消息"));
        wechat.onImage(i -> add(i.openId(), "account", "image", PATH + "/media?id=" + i.mediaId(), "客服消息"));
    }

    void mount(HttpServer server) {
        server.createContext(PATH, ex -> {
            try {
                route(ex);
            } catch (RuntimeException e) {
                reply(ex, 500, "application/json", "{\"error\":\"internal_error\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = SimulatedApi.params(ex);
        switch (path) {
            case PATH, PATH + "/" -> page(ex);
            case PATH + "/send" -> send(ex);
            case PATH + "/messages" -> messages(ex, q.getOrDefault("openId", ""), parse(q.get("after")));
            case PATH + "/media" -> media(ex, q.getOrDefault("id", ""));
            default -> reply(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void page(HttpExchange ex) throws IOException {
        try (InputStream in = DemoPhone.class.getResourceAsStream("wechat-demo.html")) {
            reply(ex, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    /** {"openId", "text"} or {"openId", "event": "subscribe"} or {"openId", "event": "CLICK", "key"}. */
    private void send(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            reply(ex, 405, "text/plain", new byte[0]);
            return;
        }
        JsonNode in;
        try {
            in = JSON.readTree(ex.getRequestBody().readNBytes(8192));
        } catch (IOException e) {
            reply(ex, 400, "application/json", "{\"error\":\"bad_json\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String openId = in.path("openId").asText("");
        String text = in.path("text").asText("").strip();
        String event = in.path("event").asText("");
        if (!openId.matches("[A-Za-z0-9_-]{6,64}") || (text.isEmpty() && event.isEmpty()) || text.length() > MAX_TEXT) {
            reply(ex, 400, "application/json", "{\"error\":\"bad_request\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String xml;
        if (!event.isEmpty()) {
            xml = wechat.eventXml(openId, event, in.path("key").asText(null));
            add(openId, "me", "event", event.equals("subscribe") ? "关注了公众号" : "点击菜单 " + in.path("name").asText(in.path("key").asText("")), "");
        } else {
            xml = wechat.textXml(openId, text);
            add(openId, "me", "text", text, "");
        }
        Thread.ofVirtual().name("demo-phone").start(() -> {
            List<WechatSimulator.Attempt> attempts = wechat.deliver(xml, mode);
            WechatSimulator.Attempt last = attempts.get(attempts.size() - 1);
            if (last.replyText() != null) add(openId, "account", "text", last.replyText(), "被动回复");
            else if (last.status() != 200) add(openId, "system", "text", "公众号未响应（HTTP " + last.status() + "）", "");
        });
        reply(ex, 202, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    }

    private void messages(HttpExchange ex, String openId, long after) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        List<Item> items = timelines.getOrDefault(openId, List.of());
        synchronized (items) {
            for (Item i : items) {
                if (i.seq() <= after) continue;
                ObjectNode n = out.addObject();
                n.put("seq", i.seq()).put("from", i.from()).put("kind", i.kind()).put("text", i.text()).put("via", i.via());
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("messages", out);
        ArrayNode menu = body.putArray("menu");
        List<JsonNode> menus = wechat.menus();
        if (!menus.isEmpty()) menu.addAll((ArrayNode) menus.get(menus.size() - 1).path("button"));
        reply(ex, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    private void media(HttpExchange ex, String id) throws IOException {
        byte[] b = wechat.media(id);
        if (b == null) reply(ex, 404, "text/plain", new byte[0]);
        else reply(ex, 200, "image/png", b);
    }

    private void add(String openId, String from, String kind, String text, String via) {
        List<Item> items = timelines.computeIfAbsent(openId, k -> new ArrayList<>());
        synchronized (items) {
            items.add(new Item(items.size() + 1, from, kind, text, via));
        }
    }

    private static long parse(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
