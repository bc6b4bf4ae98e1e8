package org.openhotline.server.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.error.WxErrorException;
import org.openhotline.server.config.ConfigException;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.server.wechat.WechatConfig;
import org.openhotline.wechat.WechatSettings;
import org.openhotline.wechat.api.InMemoryTokenStore;
import org.openhotline.wechat.api.RedisTokenStore;
import org.openhotline.wechat.api.WechatApi;
import org.openhotline.wechat.menu.MenuLayout;
import org.openhotline.wechat.redis.RedisGate;
import org.openhotline.wechat.setup.AccountCheck;
import org.openhotline.wechat.setup.Finding;

/** {@code ./hotline wechat check} and {@code ./hotline wechat menu push}: setting up the official account. */
final class WechatCommand {
    static final String USAGE = """
            usage: ./hotline wechat check              verify app id, secret, token, AES key and the server URL (wechat.server-url)
                   ./hotline wechat menu push [--dry-run]  create the account's custom menu from wechat.menu-buttons
                                                        (--dry-run: check and print the menu JSON, send nothing)

            Settings come from hotline.yml / HOTLINE_WECHAT_* as for the server. With redis.url set, the menu push
            uses the access token the running nodes share instead of fetching its own.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final HotlineConfig config;

    WechatCommand(PrintStream out, PrintStream err, HotlineConfig config) {
        this.out = out;
        this.err = err;
        this.config = config;
    }

    static Set<String> options() {
        return Set.of();
    }

    int run(Args args) {
        List<String> pos = args.positional();
        if (args.help() || pos.isEmpty()) {
            out.print(USAGE);
            return args.help() ? 0 : 2;
        }
        return switch (String.join(" ", pos)) {
            case "check" -> check();
            case "menu push" -> push(args.flag("dry-run"));
            default -> throw new Args.UsageException("unknown wechat command '" + String.join(" ", pos) + "'");
        };
    }

    private int check() {
        List<Finding> findings = new AccountCheck(config.string("wechat.app-id"), config.string("wechat.secret"), config.string("wechat.token"),
                config.string("wechat.aes-key"), config.string("wechat.api-base-url"), config.string("wechat.server-url"),
                Duration.ofMillis(config.integer("wechat.api-timeout-ms"))).run();
        findings.forEach(f -> out.println(f.line()));
        boolean ok = AccountCheck.passed(findings);
        out.println(ok ? "the account settings look right" : "fix the settings marked ✗ and run the check again");
        return ok ? 0 : 1;
    }

    private int push(boolean dryRun) {
        if (!WechatConfig.enabled(config)) throw new ConfigException("wechat.token is empty: the WeChat channel is off (see ./hotline wechat check)");
        WxMenu menu;
        try {
            menu = MenuLayout.parse(config.list("wechat.menu-buttons"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        WechatSettings settings = WechatConfig.settings(config, flowId -> Optional.of("flow:" + flowId)); // flows are checked by the server
        Set<String> unmapped = new TreeSet<>(MenuLayout.clickKeys(menu));
        unmapped.removeAll(settings.menu().keySet());
        if (!unmapped.isEmpty()) {
            err.println("error: click keys without a target in wechat.menu: " + unmapped + " (add \"KEY=question\", \"KEY=flow:ID\" or \"KEY=category:NAME\")");
            return 1;
        }
        if (dryRun) {
            out.println(menu.toJson());
            return 0;
        }
        try (RedisGate redis = settings.sharedThroughRedis() ? new RedisGate(settings.redisUrl()) : null) {
            WechatApi api = new WechatApi(settings, redis == null ? new InMemoryTokenStore()
                    : new RedisTokenStore(redis, settings.redisPrefix(), settings.appId()));
            api.createMenu(menu);
            out.println("menu created: " + menu.getButtons().size() + " menus, " + MenuLayout.clickKeys(menu).size() + " click keys"
                    + " (WeChat shows it to followers within minutes)");
            return 0;
        } catch (WxErrorException e) {
            err.println("error: WeChat refused the menu: " + e.getError().getErrorCode() + " " + e.getError().getErrorMsg());
            return 1;
        }
    }
}
