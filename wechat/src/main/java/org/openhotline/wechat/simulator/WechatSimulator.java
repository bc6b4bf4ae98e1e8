package org.openhotline.wechat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * SIMULATOR ONLY — plays WeChat's side for tests and the demo; never part of a citizen's path.
 * <ul>
 *   <li>As WeChat's servers calling us: builds message XML, signs it, encrypts it (compatible and safe modes), POSTs it
 *   to the callback URL and, like WeChat, retries a callback that got no response within 5 s (three tries in all).</li>
 *   <li>As WeChat's API ({@link SimulatedApi}): the token, customer-service and template messages, media, the menu,
 *   recording every call, with faults on demand: a token invalidated (40001), 45015, 45047, slow or lost answers.</li>
 * </ul>
 */
public final class WechatSimulator implements AutoCloseable {
    /** How the account's messages are sealed, as chosen in the account's admin page. */
    public enum Mode { PLAIN, COMPATIBLE, SAFE }

    /** One customer-service text the product sent. */
    public record Sent(String openId, String text) {}

    /** One customer-service image the product sent; its bytes are {@link #media(String)}. */
    public record SentImage(String openId, String mediaId) {}

    /** One template message the product sent, its fields filled. */
    public record SentTemplate(String openId, String templateId, Map<String, String> data) {}

    /** A fault code for {@link #failNextSends}: the message is delivered, but the answer comes too late. */
    public static final int LOST_ANSWER = SimulatedApi.LOST_ANSWER;

    /** One POST to the callback: HTTP status (-1: no response in time), the body, the passive reply's text if any. */
    public record Attempt(int status, String body, String replyText, long millis) {
        public boolean timedOut() {
            return status == -1;
        }
    }

    private final String appId;
    private final String token;
    private final WxCryptUtil crypt;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SimulatedApi api;
    private final AtomicLong msgIds = new AtomicLong(24_000_000_000_000_000L);
    private volatile Duration callbackTimeout = Duration.ofSeconds(5);
    private volatile String callbackUrl;

    public WechatSimulator(String appId, String secret, String token, String aesKey) {
        this(appId, secret, token, aesKey, 0);
    }

    /** On a chosen port (0: any free one); tests start WeChat "late" on a port the product already points at. */
    public WechatSimulator(String appId, String secret, String token, String aesKey, int port) {
        this.appId = appId;
        this.token = token;
        this.api = new SimulatedApi(appId, secret);
        this.crypt = aesKey == null || aesKey.isBlank() ? null : new WxCryptUtil(token, aesKey, appId);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        api.mount(server);
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

    /** The next customer-service sends fail with these WeChat error codes (or {@link #LOST_ANSWER}), one each, in order. */
    public void failNextSends(int... codes) {
        for (int c : codes) api.faults.addLast(c);
    }

    /** The next template messages fail with these WeChat error codes, one each, in order. */
    public void failNextTemplates(int... codes) {
        for (int c : codes) api.templateFaults.addLast(c);
    }

    /** Every API response is delayed by this much (network trouble). */
    public void apiDelay(Duration d) {
        api.delayMillis = d.toMillis();
    }

    /** How late the answer to a {@link #LOST_ANSWER} send comes (longer than the product's API timeout). */
    public void lostAnswerDelay(Duration d) {
        api.lostAnswerMillis = d.toMillis();
    }

    public void tokenLifetime(int seconds) {
        api.tokenLifetimeSeconds = seconds;
    }

    /** Called for every customer-service text accepted (the demo page's feed). */
    public void onSent(java.util.function.Consumer<Sent> listener) {
        api.onSent = listener;
    }

    /** Called for every customer-service image accepted. */
    public void onImage(java.util.function.Consumer<SentImage> listener) {
        api.onImage = listener;
    }

    /**
     * Serves the demo's phone-shaped chat at {@code /wechat-demo} on this simulator's port: what a person types there
     * goes to the product as WeChat would send it (signed; sealed in {@code mode}), and the passive replies and
     * customer-service messages come back into the page. Returns the page's URL.
     */
    public String servePhone(Mode mode) {
        new DemoPhone(this, mode).mount(server);
        return apiBaseUrl() + DemoPhone.PATH;
    }

    public List<Sent> sent() {
        return List.copyOf(api.sent);
    }

    public List<SentImage> images() {
        return List.copyOf(api.images);
    }

    public List<SentTemplate> templates() {
        return List.copyOf(api.templates);
    }

    /** The custom menus created, as the JSON bodies WeChat received. */
    public List<JsonNode> menus() {
        return List.copyOf(api.menus);
    }

    /** Media the product uploaded, or that a test put there for the product to download (a voice message). */
    public byte[] media(String mediaId) {
        return api.media.get(mediaId);
    }

    public void putMedia(String mediaId, byte[] bytes) {
        api.media.put(mediaId, bytes);
    }

    public int tokensIssued() {
        return api.tokensIssued.get();
    }

    public int sendCalls() {
        return api.sendCalls.get();
    }

    // ---- WeChat calling the product ----

    public String textXml(String openId, String content) {
        return message(openId, "text", "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgIds.incrementAndGet() + "</MsgId>");
    }

    public String voiceXml(String openId, String recognition) {
        return voiceXml(openId, recognition, "media-1", "amr");
    }

    /** A voice message whose audio is {@code mediaId} in {@code format} (amr or speex, as WeChat sends). */
    public String voiceXml(String openId, String recognition, String mediaId, String format) {
        String rec = recognition == null ? "" : "<Recognition><![CDATA[" + recognition + "]]></Recognition>";
        return message(openId, "voice", "<MediaId><![CDATA[" + mediaId + "]]></MediaId><Format><![CDATA[" + format + "]]></Format>" + rec
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

    @Override
    public void close() {
        server.stop(0);
    }
}
