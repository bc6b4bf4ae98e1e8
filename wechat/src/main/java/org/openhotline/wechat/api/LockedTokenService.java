package org.openhotline.wechat.api;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * weixin-java-mp's service with one change: after taking the token lock it looks again whether the token is still
 * expired. The library fetches as soon as it holds the lock, so a node that waited while another node refreshed
 * would fetch a second token (measured: two fetches for two nodes); WeChat then retires the first.
 */
final class LockedTokenService extends WxMpServiceHttpClientImpl {
    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        WxMpConfigStorage cfg = getWxMpConfigStorage();
        if (!forceRefresh && !cfg.isAccessTokenExpired()) return cfg.getAccessToken();
        Lock lock = cfg.getAccessTokenLock();
        try {
            if (!lock.tryLock(5, TimeUnit.SECONDS)) throw new WxRuntimeException("timed out waiting for the access-token lock");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WxRuntimeException(e);
        }
        try {
            if (!forceRefresh && !cfg.isAccessTokenExpired()) return cfg.getAccessToken(); // another node refreshed meanwhile
            return extractAccessToken(doGetAccessTokenRequest());
        } catch (IOException e) {
            throw new WxErrorException(e);
        } finally {
            lock.unlock();
        }
    }
}
