package org.openhotline.wechat.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.openhotline.wechat.callback.EncodingAesKey;

/**
 * {@code ./hotline wechat check}: the account settings one by one, each mistake named with what to do. The
 * credentials are tried on WeChat's {@code stable_token} API, whose tokens are separate from the ones the running
 * server uses, so checking never invalidates a live token. The server URL is called the way WeChat verifies it
 * (a signed GET with an echostr), so a wrong token or path shows here rather than on the account's page.
 *
 * @param apiBaseUrl empty: the real api.weixin.qq.com
 */
public record AccountCheck(String appId, String secret, String token, String aesKey, String apiBaseUrl, String serverUrl, Duration timeout) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public List<Finding> run() {
        List<Finding> out = new ArrayList<>();
        boolean idOk = check(out, appId(), "wechat.app-id", "wx[0-9a-f]{16}",
                "copy the AppID (开发者ID) from the account's 设置与开发 → 基本配置", "an AppID is \"wx\" and 16 hexadecimal characters");
        boolean secretOk = check(out, secret(), "wechat.secret", "[0-9a-fA-F]{32}",
                "copy the AppSecret (开发者密码) from 设置与开发 → 基本配置", "an AppSecret is 32 hexadecimal characters");
        check(out, token(), "wechat.token", "[A-Za-z0-9]{3,32}",
                "choose a token and enter the same in 服务器配置 → 令牌(Token)", "WeChat accepts 3 to 32 letters or digits only");
        out.add(aes());
        out.add(idOk && secretOk ? credentials() : Finding.warn("credentials", "not tried: fix the app id and secret first"));
        out.add(reachable());
        return out;
    }

    public static boolean passed(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.level() == Finding.Level.FAIL);
    }

    private static boolean check(List<Finding> out, String value, String key, String pattern, String whereFrom, String shape) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            out.add(Finding.fail(key, "empty: " + whereFrom));
            return false;
        }
        if (!v.equals(value)) {
            out.add(Finding.fail(key, "has spaces around it (a copy-paste slip): remove them"));
            return false;
        }
        if (!v.matches(pattern)) {
            out.add(Finding.fail(key, "looks wrong (" + v.length() + " characters): " + shape));
            return false;
        }
        out.add(Finding.ok(key, "well formed"));
        return true;
    }

    private Finding aes() {
        String k = aesKey() == null ? "" : aesKey();
        if (k.isBlank()) return Finding.warn("wechat.aes-key", "empty: plain mode, messages travel unencrypted; for safe mode copy the EncodingAESKey");
        String problem = EncodingAesKey.problem(k);
        if (problem != null) return Finding.fail("wechat.aes-key", problem + " (copy it again from 服务器配置)");
        return Finding.ok("wechat.aes-key", "43 characters: safe (AES) mode");
    }

    private Finding credentials() {
        String base = apiBaseUrl() == null || apiBaseUrl().isBlank() ? "https://api.weixin.qq.com" : apiBaseUrl().replaceAll("/+$", "");
        String body = "{\"grant_type\":\"client_credential\",\"appid\":\"" + appId() + "\",\"secret\":\"" + secret() + "\",\"force_refresh\":false}";
        try {
            HttpResponse<String> r = client().send(HttpRequest.newBuilder(URI.create(base + "/cgi-bin/stable_token")).timeout(timeout())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode j = JSON.readTree(r.body());
            if (j.hasNonNull("access_token")) return Finding.ok("credentials", "WeChat accepted the app id and secret");
            int code = j.path("errcode").asInt();
            String msg = j.path("errmsg").asText();
            return Finding.fail("credentials", switch (code) {
                case 40013 -> "WeChat does not know this app id (40013): check wechat.app-id";
                case 40001, 40125 -> "WeChat refused the secret (" + code + "): check wechat.secret, or reset it on the account's page";
                case 40164, 61004 -> "this machine's IP is not on the account's IP whitelist (" + code + "): add it in 基本配置 → IP白名单 (" + msg + ")";
                case 89503, 89501 -> "WeChat asks an administrator to confirm this IP (" + code + "): confirm it on the admin's phone";
                default -> "WeChat answered " + code + " " + msg;
            });
        } catch (IOException e) {
            return Finding.fail("credentials", "cannot reach " + base + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fail("credentials", "interrupted");
        }
    }

    private Finding reachable() {
        String key = "wechat.server-url";
        String url = serverUrl() == null ? "" : serverUrl().strip();
        if (url.isEmpty()) return Finding.fail(key, "empty: set the public URL WeChat calls, e.g. https://hotline.example.gov.cn/wechat/callback");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Finding.fail(key, "is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            return Finding.fail(key, "must start with http:// or https:// and name a host");
        }
        if (uri.getPath() == null || !uri.getPath().endsWith("/wechat/callback")) {
            return Finding.fail(key, "should end with /wechat/callback (the path OpenHotline answers on)");
        }
        boolean loopback = loopback(uri.getHost());
        int port = uri.getPort();
        if (!loopback && port != -1 && port != 80 && port != 443) {
            return Finding.fail(key, "uses port " + port + "; WeChat calls only ports 80 and 443: put a reverse proxy in front");
        }
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        String echo = "check-" + UUID.randomUUID().toString().substring(0, 8);
        String q = "?signature=" + SHA1.gen(token(), ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr=" + URLEncoder.encode(echo, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = client().send(HttpRequest.newBuilder(URI.create(url + q)).timeout(timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 200 && echo.equals(r.body().strip())) {
                return loopback ? Finding.warn(key, "answers WeChat's verification, but " + uri.getHost() + " is this machine: WeChat cannot reach it")
                        : Finding.ok(key, "answers WeChat's URL verification");
            }
            if (r.statusCode() == 403) return Finding.fail(key, "refused the signature: the server there runs with another wechat.token than this one");
            if (r.statusCode() == 404) return Finding.fail(key, "has no WeChat callback (404): is the channel on there (wechat.token set) and the path right?");
            return Finding.fail(key, "answered HTTP " + r.statusCode() + " instead of the echostr");
        } catch (IOException e) {
            return Finding.fail(key, "not reachable from here: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fail(key, "interrupted");
        }
    }

    private HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(timeout()).build();
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) return false;
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
