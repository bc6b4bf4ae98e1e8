package org.openhotline.wechat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * SIMULATOR ONLY — plays WeChat's side for tests and the demo; never part of a citizen's path.
 * <ul>
 *   <li>As WeChat's servers calling us: builds message XML, signs it, encrypts it (compatible and safe modes), POSTs it
 *   to the callback URL and, like WeChat, retries a callback that got no response within 5 s (three tries in all).</li>
 *   <li>As WeChat's API: {@code GET /cgi-bin/token} and {@code POST /cgi-bin/message/custom/send}, recording every
 *   message sent, with faults on demand: a token invalidated (40001), 45015, 45047, slow responses.</li>
 * </ul>
 */
public final class WechatSimulator implements AutoCloseable {
    /** How the account's messages are sealed, as chosen in the account's admin page. */
    public enum Mode { PLAIN, COMPATIBLE, SAFE }

    /** One customer-service message the product sent. */
    public record Sent(String openId, String text) {}

    /** One POST to the callback: HTTP status (-1: no response in time), the body, the passive reply's text if any. */
    public record Attempt(int status, String body, String replyText, long millis) {
        public boolean timedOut() {
            return status == -1;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String appId;
    private final String secret;
    private final String token;
    private final WxCryptUtil crypt;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Deque<Integer> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger sendCalls = new AtomicInteger();
    private final AtomicLong msgIds = new AtomicLong(24_000_000_000_000_000L);
    private volatile String currentToken;
    private volatile long apiDelayMillis;
    private volatile int tokenLifetimeSeconds = 7200;
    private volatile Duration callbackTimeout = Duration.ofSeconds(5);
    private volatile String callbackUrl;

    public WechatSimulator(String appId, String secret, String token, String aesKey) {
        this.appId = appId;
        this.secret = secret;
        this.token = token;
        this.crypt = aesKey == null || aesKey.isBlank() ? null : new WxCryptUtil(token, aesKey, appId);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/cgi-bin/token", this::token);
        server.createContext("/cgi-bin/message/custom/send", this::customSend);
        server.start();
    }

    /** The API base URL to give the product ({@code wechat.api-base-url}). */
    public String apiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public WechatSimulator callbackUrl(String url) {
        this.callbackUrl = url;
        return this;
    }

    /** WeChat waits 5 s; tests shorten it together with the product's reply budget. */
    public WechatSimulator callbackTimeout(Duration d) {
        this.callbackTimeout = d;
        return this;
    }

    /** The next customer-service sends fail with these WeChat error codes, one each, in order. */
    public void failNextSends(int... codes) {
        for (int c : codes) faults.addLast(c);
    }

    /** Every API response is delayed by this much (network trouble). */
    public void apiDelay(Duration d) {
        this.apiDelayMillis = d.toMillis();
    }

    public void tokenLifetime(int seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public int sendCalls() {
        return sendCalls.get();
    }

    // ---- WeChat calling the product ----

    public String textXml(String openId, String content) {
        return message(openId, "text", "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgIds.incrementAndGet() + "</MsgId>");
    }

    public String voiceXml(String openId, String recognition) {
        String rec = recognition == null ? "" : "<Recognition><![CDATA[" + recognition + "]]></Recognition>";
        return message(openId, "voice", "<MediaId><![CDATA[media-1]]></MediaId><Format><![CDATA[amr]]></Format>" + rec
                + "<MsgId>" + msgIds.incrementAndGet() + "</MsgId>");
    }

    public String imageXml(String openId) {
        return message(openId, "image", "<PicUrl><![CDATA[http://127.0.0.1/pic.jpg]]></PicUrl><MediaId><![CDATA[media-2]]></MediaId><MsgId>"
                + msgIds.incrementAndGet() + "</MsgId>");
    }

    public String eventXml(String openId, String event, String eventKey) {
        String key = eventKey == null ? "" : "<EventKey><![CDATA[" + eventKey + "]]></EventKey>";
        return message(openId, "event", "<Event><![CDATA[" + event + "]]></Event>" + key);
    }

    private String message(String openId, String type, String rest) {
        return "<xml><ToUserName><![CDATA[gh_simulated]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName>"
                + "<CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime><MsgType><![CDATA[" + type + "]]></MsgType>" + rest + "</xml>";
    }

    /** WeChat's URL check: GET with signature, timestamp, nonce and echostr; returns the response body. */
    public Attempt verify(String echostr) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = nonce();
        return get(query(Map.of("signature", SHA1.gen(token, ts, nonce), "timestamp", ts, "nonce", nonce, "echostr", echostr)));
    }

    /** Delivers a message as WeChat does: one POST, and up to two retries while the product does not answer in time. */
    public List<Attempt> deliver(String xml, Mode mode) {
        List<Attempt> attempts = new ArrayList<>();
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = nonce();
        Map<String, String> q = new HashMap<>(Map.of("signature", SHA1.gen(token, ts, nonce), "timestamp", ts, "nonce", nonce,
                "openid", "hidden"));
        String body = xml;
        if (mode != Mode.PLAIN) {
            if (crypt == null) throw new IllegalStateException("an AES mode needs the simulator to know the AES key");
            String encrypted = crypt.encrypt(nonce(), xml);
            q.put("encrypt_type", "aes");
            q.put("msg_signature", SHA1.gen(token, ts, nonce, encrypted));
            String inner = "<Encrypt><![CDATA[" + encrypted + "]]></Encrypt>";
            body = mode == Mode.SAFE ? "<xml><ToUserName><![CDATA[gh_simulated]]></ToUserName>" + inner + "</xml>"
                    : xml.replace("</xml>", inner + "</xml>");
        }
        for (int i = 0; i < 3; i++) {
            Attempt a = post(query(q), body);
            attempts.add(a);
            if (!a.timedOut()) break;
        }
        return attempts;
    }

    /** GETs the callback with exactly this query (tampered verifications). */
    public Attempt getRaw(Map<String, String> queryParams) {
        return get(query(queryParams));
    }

    /** POSTs exactly this query and body once (tampered messages). */
    public Attempt postRaw(Map<String, String> queryParams, String body) {
        return post(query(queryParams), body);
    }

    /** A valid request signature for a tampered message (which only breaks what comes after the signature). */
    public Map<String, String> signedQuery() {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = nonce();
        return new HashMap<>(Map.of("signature", SHA1.gen(token, ts, nonce), "timestamp", ts, "nonce", nonce));
    }

    public String sign(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    private String query(Map<String, String> q) {
        StringBuilder sb = new StringBuilder();
        q.forEach((k, v) -> sb.append(sb.isEmpty() ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private Attempt get(String query) {
        return exchange(HttpRequest.newBuilder(URI.create(callbackUrl + query)).GET());
    }

    private Attempt post(String query, String body) {
        return exchange(HttpRequest.newBuilder(URI.create(callbackUrl + query)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Attempt exchange(HttpRequest.Builder b) {
        if (callbackUrl == null) throw new IllegalStateException("set the callback URL first");
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(b.timeout(callbackTimeout).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new Attempt(r.statusCode(), r.body(), r.statusCode() == 200 ? replyText(r.body()) : null, ms);
        } catch (HttpTimeoutException e) {
            return new Attempt(-1, "", null, (System.nanoTime() - t0) / 1_000_000);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of a passive reply, decrypted (and its signature checked) when sealed; null for "success". */
    private String replyText(String body) {
        if (body == null || !body.strip().startsWith("<xml")) return null; // "success", or an echostr
        String xml = body;
        if (body.contains("<Encrypt>")) {
            WxMpXmlMessage outer = WxMpXmlMessage.fromXml(body);
            String encrypted = between(body, "<Encrypt><![CDATA[", "]]></Encrypt>");
            String sig = between(body, "<MsgSignature><![CDATA[", "]]></MsgSignature>");
            String ts = between(body, "<TimeStamp>", "</TimeStamp>");
            String nonce = between(body, "<Nonce><![CDATA[", "]]></Nonce>");
            if (outer == null || !SHA1.gen(token, ts, nonce, encrypted).equals(sig)) throw new IllegalStateException("reply signature does not verify");
            xml = crypt.decrypt(encrypted);
        }
        return WxMpXmlMessage.fromXml(xml).getContent();
    }

    private static String between(String s, String a, String b) {
        int i = s.indexOf(a);
        if (i < 0) return "";
        int j = s.indexOf(b, i + a.length());
        return j < 0 ? "" : s.substring(i + a.length(), j);
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    // ---- WeChat's API ----

    private void token(HttpExchange ex) throws IOException {
        pause();
        Map<String, String> q = params(ex);
        if (!appId.equals(q.get("appid")) || !secret.equals(q.get("secret"))) {
            json(ex, "{\"errcode\":40013,\"errmsg\":\"invalid appid or secret\"}");
            return;
        }
        currentToken = "sim-token-" + tokensIssued.incrementAndGet();
        json(ex, "{\"access_token\":\"" + currentToken + "\",\"expires_in\":" + tokenLifetimeSeconds + "}");
    }

    private void customSend(HttpExchange ex) throws IOException {
        sendCalls.incrementAndGet();
        pause();
        String given = params(ex).get("access_token");
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (given == null || !given.equals(currentToken)) {
            json(ex, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
            return;
        }
        Integer fault = faults.pollFirst();
        if (fault != null) {
            if (fault == 40001 || fault == 42001) currentToken = "revoked"; // the token really stops working
            json(ex, "{\"errcode\":" + fault + ",\"errmsg\":\"simulated fault\"}");
            return;
        }
        sent.add(new Sent(body.path("touser").asText(), body.path("text").path("content").asText()));
        json(ex, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void pause() {
        long d = apiDelayMillis;
        if (d <= 0) return;
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> params(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return out;
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
