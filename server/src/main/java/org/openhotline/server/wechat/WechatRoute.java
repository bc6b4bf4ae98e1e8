package org.openhotline.server.wechat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openhotline.bot.Conversation;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.wechat.WechatBot;
import org.openhotline.wechat.WechatChannel;
import org.openhotline.wechat.WechatSettings;
import org.openhotline.wechat.callback.CallbackRequest;
import org.openhotline.wechat.callback.CallbackResponse;

/** Builds the WeChat channel from {@code wechat.*} and mounts it at {@code /wechat/callback} on the HTTP server. */
public final class WechatRoute {
    public static final String PATH = "/wechat/callback";

    private WechatRoute() {}

    /** The channel, or empty when {@code wechat.token} is not set; a bad setting stops the start naming the key. */
    public static Optional<WechatChannel> fromConfig(HotlineConfig config, Conversation conversation) {
        String token = config.string("wechat.token").strip();
        if (token.isEmpty()) return Optional.empty();
        try {
            WechatSettings settings = WechatSettings.builder(token).appId(config.string("wechat.app-id"))
                    .secret(config.string("wechat.secret")).aesKey(config.string("wechat.aes-key"))
                    .apiBaseUrl(config.string("wechat.api-base-url"))
                    .replyBudget(Duration.ofMillis(config.integer("wechat.reply-budget-ms")))
                    .maxBodyBytes(config.integer("wechat.max-body-kb") * 1024)
                    .dedupTtl(Duration.ofSeconds(config.integer("wechat.dedup-ttl-seconds")))
                    .apiTimeout(Duration.ofMillis(config.integer("wechat.api-timeout-ms")))
                    .sendAttempts(config.integer("wechat.send-attempts"))
                    .sendBackoff(Duration.ofMillis(config.integer("wechat.send-backoff-ms")))
                    .menu(WechatSettings.parseMenu(config.list("wechat.menu")))
                    .redisUrl(config.string("redis.url")).redisPrefix(config.string("redis.prefix") + "wechat:")
                    .build();
            return Optional.of(WechatChannel.builder(settings, WechatBot.of(conversation)).build());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public static void register(Javalin app, WechatChannel channel) {
        app.get(PATH, ctx -> handle(ctx, channel));
        app.post(PATH, ctx -> handle(ctx, channel));
    }

    private static void handle(Context ctx, WechatChannel channel) throws java.io.IOException {
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> { if (!v.isEmpty()) query.put(k, v.get(0)); });
        CallbackResponse r = channel.handle(new CallbackRequest(ctx.method().name(), query, ctx.req().getInputStream(), ctx.ip()));
        ctx.status(r.status()).contentType(r.contentType()).result(r.body());
    }
}
