package org.openhotline.server.wechat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.openhotline.kb.index.ProgressListener;
import org.openhotline.server.app.HotlineApp;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.wechat.simulator.WechatSimulator;

/** The whole product on a scratch folder with its WeChat account pointed at a simulator, for the WeChat end-to-end tests. */
final class WechatApps {
    /** A valid EncodingAESKey for tests (43 characters). */
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE";

    private WechatApps() {}

    /** Started, the simulator's callbacks aimed at it, and warmed (a cold first answer on a loaded machine can outlast the budget). */
    static HotlineApp start(Path data, WechatSimulator wechat, String appId, String secret, String token, String aesKey, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("HOTLINE_DATA", data.toString(), "HOTLINE_PORT", "0", "HOTLINE_SERVER_HOST", "127.0.0.1",
                "HOTLINE_KB_POLL_SECONDS", "0", "HOTLINE_WECHAT_APPID", appId, "HOTLINE_WECHAT_SECRET", secret, "HOTLINE_WECHAT_TOKEN", token,
                "HOTLINE_WECHAT_AESKEY", aesKey, "HOTLINE_WECHAT_API_BASE_URL", wechat.apiBaseUrl()));
        all.putAll(env);
        return start(HotlineConfig.load(null, all), wechat);
    }

    static HotlineApp start(HotlineConfig config, WechatSimulator wechat) {
        HotlineApp app = new HotlineApp(config).start(ProgressListener.NONE);
        wechat.callbackUrl("http://127.0.0.1:" + app.port() + WechatRoute.PATH);
        app.conversation().handle("warm-up", "租房提取公积金");
        return app;
    }
}
