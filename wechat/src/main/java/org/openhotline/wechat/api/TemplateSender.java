package org.openhotline.wechat.api;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;

/**
 * Sends the configured template message once. It is not retried: template messages are the scarce way to reach a
 * citizen outside the window, and a send whose answer was lost may have arrived.
 */
final class TemplateSender {
    record Result(boolean delivered, int code, String why, boolean uncertain) {}

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private final WechatApi api;
    private final TemplateSettings settings;
    private final Clock clock;

    TemplateSender(WechatApi api, TemplateSettings settings, Clock clock) {
        this.api = api;
        this.settings = settings;
        this.clock = clock;
    }

    Result send(String openId, String text) {
        String time = TIME.format(clock.instant());
        List<WxMpTemplateData> data = new ArrayList<>();
        for (Map.Entry<String, String> f : settings.fields().entrySet()) {
            data.add(new WxMpTemplateData(f.getKey(), TemplateSettings.fill(f.getValue(), text, time)));
        }
        WxMpTemplateMessage m = WxMpTemplateMessage.builder().toUser(openId).templateId(settings.templateId()).data(data)
                .url(settings.url().isEmpty() ? null : settings.url()).build();
        try {
            api.sendTemplate(m);
            return new Result(true, 0, "", false);
        } catch (WxErrorException e) {
            SendFault f = SendFault.of(e);
            return new Result(false, f.code(), f.why(), f.kind() == SendFault.Kind.UNCERTAIN);
        } catch (WxRuntimeException e) {
            SendFault f = SendFault.of(e);
            return new Result(false, f.code(), f.why(), f.kind() == SendFault.Kind.UNCERTAIN);
        }
    }
}
