package org.openhotline.server.wechat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.openhotline.bot.handoff.CitizenNotifier;
import org.openhotline.nlu.sensitive.Direction;
import org.openhotline.nlu.sensitive.SensitiveFilter;
import org.openhotline.wechat.handoff.ImageFetcher;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.wechat.WechatBot;
import org.openhotline.wechat.WechatChannel;
import org.openhotline.wechat.api.JdbcUndeliveredLog;
import org.openhotline.wechat.api.Undelivered;
import org.openhotline.wechat.callback.CallbackRequest;
import org.openhotline.wechat.callback.CallbackResponse;
import org.openhotline.wechat.voice.VoiceTranscriber;

/**
 * Builds the WeChat channel from {@code wechat.*} and mounts it at {@code /wechat/callback} on the HTTP server, with
 * the messages it could not deliver at {@code GET /api/admin/wechat/undelivered} (behind the admin token).
 */
public final class WechatRoute {
    public static final String PATH = "/wechat/callback";
    public static final String UNDELIVERED = "/api/admin/wechat/undelivered";

    private WechatRoute() {}

    /**
     * The channel, or empty when {@code wechat.token} is not set; a bad setting stops the start naming the key.
     *
     * @param transcriber recognises voice messages WeChat sent without its recognition; null = none (see WechatVoice)
     */
    public static Optional<WechatChannel> fromConfig(HotlineConfig config, WechatBot bot, DataSource db, VoiceTranscriber transcriber,
                                                     Function<String, Optional<String>> flowPhrase) {
        if (!WechatConfig.enabled(config)) return Optional.empty();
        return Optional.of(WechatChannel.builder(WechatConfig.settings(config, flowPhrase), bot).undelivered(new JdbcUndeliveredLog(db))
                .transcriber(transcriber).build());
    }

    /** The undelivered list lives under /api/admin, whose gate (an ADMIN account or the admin token) HttpServer installs first. */
    public static void register(Javalin app, WechatChannel channel) {
        app.get(PATH, ctx -> handle(ctx, channel));
        app.post(PATH, ctx -> handle(ctx, channel));
        app.get(UNDELIVERED, ctx -> undelivered(ctx, channel));
    }

    /**
     * The desk's notifier for WeChat citizens (none when the channel is off): outgoing text through the same
     * sensitive-word filter as the bot's answers, agents' images read from the desk's uploads folder.
     */
    public static CitizenNotifier[] notifiers(WechatChannel channel, HotlineConfig config, Supplier<SensitiveFilter> filter, Path uploads) {
        if (channel == null) return new CitizenNotifier[0];
        UnaryOperator<String> guard = text -> {
            SensitiveFilter f = filter.get();
            return f == null ? text : f.check(text, Direction.OUTBOUND).text();
        };
        return new CitizenNotifier[] {channel.notifier(new UploadedImages(uploads, ImageFetcher.http(Duration.ofSeconds(5))), guard,
                WechatConfig.queueUpdateEvery(config))};
    }

    private static void handle(Context ctx, WechatChannel channel) throws java.io.IOException {
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> { if (!v.isEmpty()) query.put(k, v.get(0)); });
        CallbackResponse r = channel.handle(new CallbackRequest(ctx.method().name(), query, ctx.req().getInputStream(), ctx.ip()));
        ctx.status(r.status()).contentType(r.contentType()).result(r.body());
    }

    /** Newest first; {@code ?limit=} 1..500 (default 100). */
    private static void undelivered(Context ctx, WechatChannel channel) {
        int limit = 100;
        String raw = ctx.queryParam("limit");
        if (raw != null) {
            try {
                limit = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) throw new org.openhotline.server.http.BadRequest(400, "bad_limit", "limit must be a whole number from 1 to 500");
        }
        List<Map<String, Object>> items = channel.undelivered().recent(limit).stream().map(WechatRoute::toJson).toList();
        ctx.json(Map.of("count", items.size(), "undelivered", items));
    }

    private static Map<String, Object> toJson(Undelivered u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("openId", u.openId());
        m.put("text", u.text());
        m.put("errorCode", u.errorCode());
        m.put("reason", u.reason());
        m.put("status", u.status());
        m.put("at", u.at().toString());
        return m;
    }
}
