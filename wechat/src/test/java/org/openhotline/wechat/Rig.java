package org.openhotline.wechat;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.openhotline.wechat.simulator.WechatSimulator;

/** A channel behind real HTTP, a scripted bot and the WeChat simulator wired to it, with a short back-off between sends. */
final class Rig implements AutoCloseable {
    static final String APP_ID = "wx0123456789abcdef";
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "testtoken1";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFE";

    final ScriptedBot bot = new ScriptedBot();
    final WechatSimulator wechat;
    final WechatChannel channel;
    final CallbackServer http;

    Rig(UnaryOperator<WechatSettings.Builder> tweak) throws IOException {
        this(tweak, null);
    }

    /** With {@code shared}, the new node talks to the same simulator as another (scale-out tests). */
    Rig(UnaryOperator<WechatSettings.Builder> tweak, WechatSimulator shared) throws IOException {
        this(tweak, shared, UnaryOperator.identity());
    }

    /** {@code channelTweak} sets the channel's ports (a voice transcriber). */
    Rig(UnaryOperator<WechatSettings.Builder> tweak, WechatSimulator shared, UnaryOperator<WechatChannel.Builder> channelTweak) throws IOException {
        wechat = shared != null ? shared : new WechatSimulator(APP_ID, SECRET, TOKEN, AES_KEY);
        WechatSettings.Builder b = WechatSettings.builder(TOKEN).appId(APP_ID).secret(SECRET).aesKey(AES_KEY)
                // the product's reply budget (4 s of WeChat's 5): a passive reply a loaded CI box delays past a shorter
                // budget turns into a push; tests of the budget itself set their own
                .apiBaseUrl(wechat.apiBaseUrl()).replyBudget(Duration.ofMillis(4000)).apiTimeout(Duration.ofMillis(5000))
                .sendBackoff(Duration.ofMillis(50));
        channel = channelTweak.apply(WechatChannel.builder(tweak.apply(b).build(), bot)).build();
        http = new CallbackServer(channel);
        if (shared == null) wechat.callbackUrl(http.url());
    }

    @Override
    public void close() {
        http.close();
        channel.close();
        wechat.close();
    }
}
