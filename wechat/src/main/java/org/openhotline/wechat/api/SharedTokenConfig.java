package org.openhotline.wechat.api;

import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * weixin-java-mp's account configuration with the access token kept in a {@link TokenStore}. The library fetches a
 * token under {@link #getAccessTokenLock()} and, on 40001/42001, expires it only if it is still the one that
 * failed, then retries once; with a Redis store both hold across nodes. A token is refreshed
 * {@code refreshMarginSeconds} before WeChat's expiry.
 */
public final class SharedTokenConfig extends WxMpDefaultConfigImpl {
    private final transient TokenStore tokens;
    private final int refreshMarginSeconds;

    public SharedTokenConfig(TokenStore tokens, int refreshMarginSeconds) {
        this.tokens = tokens;
        this.refreshMarginSeconds = refreshMarginSeconds;
    }

    /** Points the API at {@code baseUrl} (the simulator); empty keeps the real api.weixin.qq.com. */
    public void apiBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return;
        WxMpHostConfig host = new WxMpHostConfig();
        host.setApiHost(baseUrl);
        setHostConfig(host);
    }

    @Override
    public String getAccessToken() {
        AccessToken t = tokens.current();
        return t == null ? null : t.value();
    }

    @Override
    public boolean isAccessTokenExpired() {
        AccessToken t = tokens.current();
        return t == null || System.currentTimeMillis() >= t.refreshAtMillis();
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        int usable = Math.max(expiresInSeconds / 2, expiresInSeconds - refreshMarginSeconds);
        tokens.put(new AccessToken(accessToken, System.currentTimeMillis() + usable * 1000L));
    }

    /** Called by the library under the lock, after it checked that the failing token is still the current one. */
    @Override
    public void expireAccessToken() {
        tokens.expire(getAccessToken());
    }

    @Override
    public Lock getAccessTokenLock() {
        return tokens.lock();
    }
}
