package org.openhotline.server.wechat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.wechat.WechatSettings;
import org.openhotline.wechat.api.TemplateSettings;
import org.openhotline.wechat.menu.MenuTarget;

/** Reads {@code wechat.*} into the channel's settings; a bad value stops the start (or the command) naming the key. */
public final class WechatConfig {
    private WechatConfig() {}

    /** Whether the channel is on: {@code wechat.token} is set. */
    public static boolean enabled(HotlineConfig config) {
        return !config.string("wechat.token").isBlank();
    }

    /**
     * @param flowPhrase a flow id → one of its trigger phrases (a menu key mapped to {@code flow:ID} becomes that
     *                   phrase); {@code id -> Optional.empty()} where flows are not loaded (commands)
     */
    public static WechatSettings settings(HotlineConfig config, Function<String, Optional<String>> flowPhrase) {
        try {
            return WechatSettings.builder(config.string("wechat.token").strip()).appId(config.string("wechat.app-id"))
                    .secret(config.string("wechat.secret")).aesKey(config.string("wechat.aes-key"))
                    .apiBaseUrl(config.string("wechat.api-base-url"))
                    .replyBudget(Duration.ofMillis(config.integer("wechat.reply-budget-ms")))
                    .maxBodyBytes(config.integer("wechat.max-body-kb") * 1024)
                    .dedupTtl(Duration.ofSeconds(config.integer("wechat.dedup-ttl-seconds")))
                    .apiTimeout(Duration.ofMillis(config.integer("wechat.api-timeout-ms")))
                    .sendAttempts(config.integer("wechat.send-attempts"))
                    .sendBackoff(Duration.ofMillis(config.integer("wechat.send-backoff-ms")))
                    .menu(menu(config.list("wechat.menu"), flowPhrase))
                    .template(new TemplateSettings(config.string("wechat.template.id"),
                            TemplateSettings.parseFields(config.list("wechat.template.fields")), config.string("wechat.template.url")))
                    .redisUrl(config.string("redis.url")).redisPrefix(config.string("redis.prefix") + "wechat:")
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Menu keys with {@code flow:ID} targets replaced by the flow's phrase, when flows are known. */
    static Map<String, String> menu(List<String> items, Function<String, Optional<String>> flowPhrase) {
        Map<String, String> out = new LinkedHashMap<>();
        WechatSettings.parseMenu(items).forEach((key, target) -> {
            if (MenuTarget.parse(target) instanceof MenuTarget.Flow f) {
                Optional<String> phrase = flowPhrase.apply(f.flowId());
                if (phrase.isEmpty()) {
                    throw new IllegalArgumentException("wechat.menu item '" + key + "=" + target + "': no task flow '" + f.flowId()
                            + "' is loaded (check flows.dir and flows.business-url)");
                }
                out.put(key, phrase.get());
            } else {
                out.put(key, target);
            }
        });
        return out;
    }

    public static Duration queueUpdateEvery(HotlineConfig config) {
        return Duration.ofSeconds(Math.max(0, config.integer("wechat.queue-update-seconds")));
    }
}
