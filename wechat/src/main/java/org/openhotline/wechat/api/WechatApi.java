package org.openhotline.wechat.api;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.openhotline.wechat.WechatSettings;

/**
 * The part of the WeChat API this channel calls, on weixin-java-mp: the access token (through {@link TokenStore})
 * and the customer-service text message. The library's own "system busy" sleep-and-retry is off:
 * {@link KefuSender} owns retries, on its own threads.
 */
public final class WechatApi {
    private final WxMpService service;
    private final SharedTokenConfig config;

    public WechatApi(WechatSettings settings, TokenStore tokens) {
        config = new SharedTokenConfig(tokens, 300);
        config.setAppId(settings.appId());
        config.setSecret(settings.secret());
        config.setToken(settings.token());
        config.setAesKey(settings.aes() ? settings.aesKey() : null);
        config.apiBaseUrl(settings.apiBaseUrl());
        config.setApacheHttpClientBuilder(new TimedHttpClients((int) settings.apiTimeout().toMillis()));
        WxMpServiceHttpClientImpl s = new LockedTokenService();
        s.setWxMpConfigStorage(config);
        s.setMaxRetryTimes(0);
        this.service = s;
    }

    /** The account configuration (token, AES key, app id) the callback envelopes are sealed with. */
    public SharedTokenConfig account() {
        return config;
    }

    /** Sends one text through the customer-service API; 40001/42001 are refreshed and retried once inside. */
    public void sendText(String openId, String text) throws WxErrorException {
        service.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(text).build());
    }

    /** The token, fetched if needed; for `check` commands and tests. */
    public String accessToken() throws WxErrorException {
        return service.getAccessToken();
    }
}
