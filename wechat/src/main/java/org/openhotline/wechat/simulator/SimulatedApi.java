package org.openhotline.wechat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * SIMULATOR ONLY — WeChat's API as the product calls it: the access token, customer-service text and image
 * messages, temporary media (upload and download), template messages and the custom menu; every accepted call is
 * recorded, and faults are served on demand.
 */
final class SimulatedApi {
    /** A fault code that records the message as delivered, then answers too late (the sender's read times out). */
    static final int LOST_ANSWER = -1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String appId;
    private final String secret;
    final List<WechatSimulator.Sent> sent = new CopyOnWriteArrayList<>();
    final List<WechatSimulator.SentImage> images = new CopyOnWriteArrayList<>();
    final List<WechatSimulator.SentTemplate> templates = new CopyOnWriteArrayList<>();
    final List<JsonNode> menus = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> media = new ConcurrentHashMap<>();
    final Deque<Integer> faults = new ConcurrentLinkedDeque<>();
    final Deque<Integer> templateFaults = new ConcurrentLinkedDeque<>();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final AtomicInteger sendCalls = new AtomicInteger();
    private final AtomicInteger mediaIds = new AtomicInteger();
    volatile String currentToken;
    volatile long delayMillis;
    volatile long lostAnswerMillis = 3000;
    volatile int tokenLifetimeSeconds = 7200;
    volatile Consumer<WechatSimulator.Sent> onSent = s -> {};
    volatile Consumer<WechatSimulator.SentImage> onImage = s -> {};

    SimulatedApi(String appId, String secret) {
        this.appId = appId;
        this.secret = secret;
    }

    void mount(HttpServer server) {
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/stable_token", this::stableToken);
        server.createContext("/cgi-bin/message/custom/send", this::customSend);
        server.createContext("/cgi-bin/message/template/send", this::templateSend);
        server.createContext("/cgi-bin/media/upload", this::mediaUpload);
        server.createContext("/cgi-bin/media/get", this::mediaGet);
        server.createContext("/cgi-bin/menu/create", this::menuCreate);
    }

    private void token(HttpExchange ex) throws IOException {
        pause(delayMillis);
        Map<String, String> q = params(ex);
        if (!appId.equals(q.get("appid")) || !secret.equals(q.get("secret"))) {
            json(ex, "{\"errcode\":40013,\"errmsg\":\"invalid appid or secret\"}");
            return;
        }
        currentToken = "sim-token-" + tokensIssued.incrementAndGet();
        json(ex, "{\"access_token\":\"" + currentToken + "\",\"expires_in\":" + tokenLifetimeSeconds + "}");
    }

    /** WeChat's stable token: its own line of tokens, so fetching one never retires the product's current token. */
    private void stableToken(HttpExchange ex) throws IOException {
        pause(delayMillis);
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (!appId.equals(body.path("appid").asText())) {
            json(ex, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
        } else if (!secret.equals(body.path("secret").asText())) {
            json(ex, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
        } else {
            json(ex, "{\"access_token\":\"sim-stable-token\",\"expires_in\":7200}");
        }
    }

    /** False (and the 40001 answer written) when the call's token is not the current one. */
    private boolean authorised(HttpExchange ex) throws IOException {
        String given = params(ex).get("access_token");
        if (given != null && given.equals(currentToken)) return true;
        json(ex, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
        return false;
    }

    private void customSend(HttpExchange ex) throws IOException {
        sendCalls.incrementAndGet();
        pause(delayMillis);
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (!authorised(ex)) return;
        Integer fault = faults.pollFirst();
        if (fault != null && fault != LOST_ANSWER) {
            if (fault == 40001 || fault == 42001) currentToken = "revoked"; // the token really stops working
            json(ex, "{\"errcode\":" + fault + ",\"errmsg\":\"simulated fault\"}");
            return;
        }
        String to = body.path("touser").asText();
        if ("image".equals(body.path("msgtype").asText())) {
            WechatSimulator.SentImage img = new WechatSimulator.SentImage(to, body.path("image").path("media_id").asText());
            images.add(img);
            onImage.accept(img);
        } else {
            WechatSimulator.Sent s = new WechatSimulator.Sent(to, body.path("text").path("content").asText());
            sent.add(s);
            onSent.accept(s);
        }
        if (fault != null) pause(lostAnswerMillis); // delivered, but the answer comes after the sender gave up
        json(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void templateSend(HttpExchange ex) throws IOException {
        pause(delayMillis);
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (!authorised(ex)) return;
        Integer fault = templateFaults.pollFirst();
        if (fault != null) {
            json(ex, "{\"errcode\":" + fault + ",\"errmsg\":\"simulated fault\"}");
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        body.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().path("value").asText()));
        templates.add(new WechatSimulator.SentTemplate(body.path("touser").asText(), body.path("template_id").asText(), data));
        json(ex, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + (200_000 + templates.size()) + "}");
    }

    /** Keeps the multipart body's file part, so the demo page can show an agent's image. */
    private void mediaUpload(HttpExchange ex) throws IOException {
        pause(delayMillis);
        byte[] raw = ex.getRequestBody().readAllBytes();
        if (!authorised(ex)) return;
        String type = params(ex).getOrDefault("type", "image");
        String id = "sim-media-" + mediaIds.incrementAndGet();
        media.put(id, filePart(raw, ex.getRequestHeaders().getFirst("Content-Type")));
        json(ex, "{\"type\":\"" + type + "\",\"media_id\":\"" + id + "\",\"created_at\":" + System.currentTimeMillis() / 1000 + "}");
    }

    private void mediaGet(HttpExchange ex) throws IOException {
        pause(delayMillis);
        if (!authorised(ex)) return;
        String id = params(ex).getOrDefault("media_id", "");
        byte[] b = media.get(id);
        if (b == null) {
            json(ex, "{\"errcode\":40007,\"errmsg\":\"invalid media_id\"}");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "audio/amr");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + id + ".amr\"");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private void menuCreate(HttpExchange ex) throws IOException {
        pause(delayMillis);
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (!authorised(ex)) return;
        JsonNode buttons = body.path("button");
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
            json(ex, "{\"errcode\":40016,\"errmsg\":\"invalid button size\"}");
            return;
        }
        menus.add(body);
        json(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    static byte[] filePart(byte[] raw, String contentType) {
        int b = contentType == null ? -1 : contentType.indexOf("boundary=");
        if (b < 0) return raw;
        byte[] end = ("\r\n--" + contentType.substring(b + 9).replace("\"", "")).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (start < 0) return raw;
        start += 4;
        int stop = indexOf(raw, end, start);
        return java.util.Arrays.copyOfRange(raw, start, stop < 0 ? raw.length : stop);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static void pause(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> params(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return out;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static void json(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
