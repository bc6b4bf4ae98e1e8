package org.openhotline.wechat.api;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceHttpClientImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.openhotline.wechat.WechatSettings;

/**
 * The part of the WeChat API this channel calls, on weixin-java-mp: the access token (through {@link TokenStore}),
 * customer-service text and image messages, template messages, the custom menu and media downloads. The library's own "system busy" sleep-and-retry is off:
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

    /** Uploads an image to WeChat's temporary media store (three days) and returns its media id. */
    public String uploadImage(String fileName, byte[] image) throws WxErrorException {
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "jpg";
        return service.getMaterialService().mediaUpload(WxConsts.MediaFileType.IMAGE, ext, new ByteArrayInputStream(image)).getMediaId();
    }

    /** Sends an uploaded image through the customer-service API. */
    public void sendImage(String openId, String mediaId) throws WxErrorException {
        service.getKefuService().sendKefuMessage(WxMpKefuMessage.IMAGE().toUser(openId).mediaId(mediaId).build());
    }

    public void sendTemplate(WxMpTemplateMessage message) throws WxErrorException {
        service.getTemplateMsgService().sendTemplateMsg(message);
    }

    /** Replaces the account's custom menu. */
    public void createMenu(WxMenu menu) throws WxErrorException {
        service.getMenuService().menuCreate(menu);
    }

    /** A citizen's media (a voice message) as bytes; the library's temporary file is removed. */
    public byte[] downloadMedia(String mediaId) throws WxErrorException {
        File f = service.getMaterialService().mediaDownload(mediaId);
        try {
            return Files.readAllBytes(f.toPath());
        } catch (IOException e) {
            throw new WxErrorException(e);
        } finally {
            f.delete();
        }
    }

    /** The token, fetched if needed; for `check` commands and tests. */
    public String accessToken() throws WxErrorException {
        return service.getAccessToken();
    }
}
