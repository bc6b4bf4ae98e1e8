package org.openhotline.wechat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The official account's settings as the server reads them from {@code wechat.*}. Built with named defaults so
 * tests and the demo set only what they change. No AES key means plain mode: WeChat sends and expects plain XML.
 *
 * @param apiBaseUrl  where the WeChat API lives; empty = the real api.weixin.qq.com (the simulator in tests and the demo)
 * @param menu        CLICK menu keys → the question or flow phrase the citizen is taken to have sent
 * @param dedupTtl    how long a callback's key and reply are remembered (WeChat retries for ~15 s)
 * @param redisUrl    empty: dedup and the access token are per node; else shared through this Redis
 * @param template    the template message sent outside the 48-hour window, or {@code TemplateSettings.NONE}
 */
public record WechatSettings(String appId, String secret, String token, String aesKey, String apiBaseUrl, Duration replyBudget,
                             int maxBodyBytes, Map<String, String> menu, Duration dedupTtl, Duration apiTimeout, int sendAttempts,
                             Duration sendBackoff, String redisUrl, String redisPrefix, WechatTexts texts,
                             org.openhotline.wechat.api.TemplateSettings template) {
    public WechatSettings {
        Objects.requireNonNull(token, "token");
        appId = appId == null ? "" : appId.strip();
        secret = secret == null ? "" : secret.strip();
        aesKey = aesKey == null ? "" : aesKey.strip();
        apiBaseUrl = apiBaseUrl == null ? "" : apiBaseUrl.strip().replaceAll("/+$", "");
        redisUrl = redisUrl == null ? "" : redisUrl.strip();
        menu = Map.copyOf(menu);
        String keyProblem = aesKey.isEmpty() ? null : org.openhotline.wechat.callback.EncodingAesKey.problem(aesKey);
        if (keyProblem != null) throw new IllegalArgumentException("wechat.aes-key " + keyProblem + "; copy it again from the account's page");
    }

    public boolean aes() {
        return !aesKey.isEmpty();
    }

    public boolean sharedThroughRedis() {
        return !redisUrl.isEmpty();
    }

    public static Builder builder(String token) {
        return new Builder(token);
    }

    /** Parses "KEY=text" items (the YAML list {@code wechat.menu}); a malformed item is a configuration error naming it. */
    public static Map<String, String> parseMenu(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) throw new IllegalArgumentException("wechat.menu item '" + item + "' must be KEY=text");
            out.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
        }
        return out;
    }

    public static final class Builder {
        private final String token;
        private String appId = "";
        private String secret = "";
        private String aesKey = "";
        private String apiBaseUrl = "";
        private Duration replyBudget = Duration.ofMillis(4000);
        private int maxBodyBytes = 64 * 1024;
        private Map<String, String> menu = Map.of();
        private Duration dedupTtl = Duration.ofSeconds(300);
        private Duration apiTimeout = Duration.ofSeconds(5);
        private int sendAttempts = 4;
        private Duration sendBackoff = Duration.ofSeconds(1);
        private String redisUrl = "";
        private String redisPrefix = "hotline:wechat:";
        private WechatTexts texts = WechatTexts.defaults();
        private org.openhotline.wechat.api.TemplateSettings template = org.openhotline.wechat.api.TemplateSettings.NONE;

        private Builder(String token) {
            this.token = token;
        }

        public Builder appId(String v) { this.appId = v; return this; }
        public Builder secret(String v) { this.secret = v; return this; }
        /** Default: none (plain mode). */
        public Builder aesKey(String v) { this.aesKey = v; return this; }
        /** Default: the real WeChat API. */
        public Builder apiBaseUrl(String v) { this.apiBaseUrl = v; return this; }
        /** Default: 4 s, under WeChat's 5 s. */
        public Builder replyBudget(Duration v) { this.replyBudget = v; return this; }
        /** Default: 64 KB; WeChat's messages are a few KB. */
        public Builder maxBodyBytes(int v) { this.maxBodyBytes = v; return this; }
        public Builder menu(Map<String, String> v) { this.menu = v; return this; }
        /** Default: 5 minutes. */
        public Builder dedupTtl(Duration v) { this.dedupTtl = v; return this; }
        /** Default: 5 s connect and read timeout on API calls. */
        public Builder apiTimeout(Duration v) { this.apiTimeout = v; return this; }
        /** Default: 4 tries of a customer-service send that met a network fault. */
        public Builder sendAttempts(int v) { this.sendAttempts = v; return this; }
        /** Default: 1 s, doubled after each failed try. */
        public Builder sendBackoff(Duration v) { this.sendBackoff = v; return this; }
        /** Default: empty (per-node memory). */
        public Builder redisUrl(String v) { this.redisUrl = v; return this; }
        /** Default: "hotline:wechat:"; tests use a random one. */
        public Builder redisPrefix(String v) { this.redisPrefix = v; return this; }
        public Builder texts(WechatTexts v) { this.texts = v; return this; }
        /** Default: none (45015 is recorded as undelivered). */
        public Builder template(org.openhotline.wechat.api.TemplateSettings v) { this.template = v; return this; }

        public WechatSettings build() {
            return new WechatSettings(appId, secret, token, aesKey, apiBaseUrl, replyBudget, maxBodyBytes, menu, dedupTtl, apiTimeout,
                    sendAttempts, sendBackoff, redisUrl, redisPrefix, texts, template);
        }
    }
}
