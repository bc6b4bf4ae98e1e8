package org.openhotline.wechat;

import java.time.Clock;
import java.util.Objects;
import org.openhotline.wechat.answer.Responder;
import org.openhotline.wechat.api.InMemoryTokenStore;
import org.openhotline.wechat.api.InMemoryUndeliveredLog;
import org.openhotline.wechat.api.KefuSender;
import org.openhotline.wechat.api.RedisSendLimits;
import org.openhotline.wechat.api.RedisTokenStore;
import org.openhotline.wechat.api.SendLimits;
import org.openhotline.wechat.api.TokenStore;
import org.openhotline.wechat.api.UndeliveredLog;
import org.openhotline.wechat.api.WechatApi;
import org.openhotline.wechat.callback.CallbackHandler;
import org.openhotline.wechat.callback.CallbackRequest;
import org.openhotline.wechat.callback.CallbackResponse;
import org.openhotline.wechat.callback.Envelope;
import org.openhotline.wechat.callback.Signatures;
import org.openhotline.wechat.callback.XmlGuard;
import org.openhotline.wechat.dedup.InMemoryReplyLedger;
import org.openhotline.wechat.dedup.RedisReplyLedger;
import org.openhotline.wechat.dedup.ReplyLedger;
import org.openhotline.wechat.message.InputReader;
import org.openhotline.wechat.message.ReplyRenderer;
import org.openhotline.wechat.redis.RedisGate;
import org.openhotline.wechat.voice.VoiceReader;
import org.openhotline.wechat.voice.VoiceTranscriber;

/**
 * The WeChat official-account channel, assembled: the callback handler the server mounts at {@code /wechat/callback},
 * the 5-second responder, the customer-service sender and the shared state (per node, or in Redis when
 * {@code redis.url} is set so that retries, the access token and WeChat's send limits are shared by every node).
 */
public final class WechatChannel implements AutoCloseable {
    private final WechatSettings settings;
    private final CallbackHandler handler;
    private final Responder responder;
    private final WechatApi api;
    private final KefuSender sender;
    private final UndeliveredLog undelivered;
    private final ReplyLedger ledger;
    private final RedisGate redis;
    private final Clock clock;

    private WechatChannel(Builder b) {
        this.settings = b.settings;
        this.clock = b.clock;
        this.redis = settings.sharedThroughRedis() ? new RedisGate(settings.redisUrl()) : null;
        TokenStore tokens = redis != null ? new RedisTokenStore(redis, settings.redisPrefix(), settings.appId()) : new InMemoryTokenStore();
        this.ledger = redis != null ? new RedisReplyLedger(redis, settings.redisPrefix(), settings.dedupTtl()) : new InMemoryReplyLedger(settings.dedupTtl());
        this.undelivered = b.undelivered;
        this.api = new WechatApi(settings, tokens);
        this.sender = new KefuSender(api, undelivered, settings.sendAttempts(), settings.sendBackoff(), b.clock, settings.template(),
                redis != null ? new RedisSendLimits(redis, settings.redisPrefix(), b.clock) : SendLimits.inMemory());
        VoiceReader voice = b.transcriber == null ? null : new VoiceReader(api, b.transcriber);
        InputReader reader = new InputReader(settings.menu(), settings.texts(), voice == null ? f -> false : voice::decodes);
        this.responder = new Responder(b.bot, reader, new ReplyRenderer(settings.texts()), ledger, sender, settings.replyBudget(),
                settings.texts(), voice);
        Signatures signatures = new Signatures(settings.token());
        XmlGuard guard = new XmlGuard(settings.maxBodyBytes());
        this.handler = new CallbackHandler(signatures, guard, new Envelope(api.account(), signatures, guard), responder::respond);
    }

    public static Builder builder(WechatSettings settings, WechatBot bot) {
        return new Builder(settings, bot);
    }

    public static final class Builder {
        private final WechatSettings settings;
        private final WechatBot bot;
        private UndeliveredLog undelivered = new InMemoryUndeliveredLog(10_000);
        private Clock clock = Clock.systemUTC();
        private VoiceTranscriber transcriber;

        private Builder(WechatSettings settings, WechatBot bot) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.bot = Objects.requireNonNull(bot, "bot");
        }

        /** Default: the last 10,000 in memory. */
        public Builder undelivered(UndeliveredLog v) { this.undelivered = v; return this; }
        /** Default: the system clock. */
        public Builder clock(Clock v) { this.clock = v; return this; }
        /** Default: none (a voice message without WeChat's recognition is answered "not understood"). */
        public Builder transcriber(VoiceTranscriber v) { this.transcriber = v; return this; }

        public WechatChannel build() {
            return new WechatChannel(this);
        }
    }

    /** One request to {@code /wechat/callback} (GET verification or POST message). */
    public CallbackResponse handle(CallbackRequest request) {
        return handler.handle(request);
    }

    /**
     * Sends a message the citizen did not ask for (the closing message of an idle session) through the
     * customer-service API; within WeChat's 48-hour window it arrives, outside it is recorded as undelivered.
     */
    public java.util.concurrent.CompletableFuture<org.openhotline.wechat.api.Delivery> push(String openId, String text) {
        return sender.send(openId, text);
    }

    /**
     * The desk's {@link org.openhotline.bot.handoff.CitizenNotifier} for WeChat citizens, sending through this channel's
     * customer-service sender (so its retry rule, 48-hour fallback and undelivered log apply to agents' words too).
     *
     * @param outboundGuard the sensitive-word mask applied to every outgoing text
     * @param positionEvery the least time between two queue-position messages to one citizen
     */
    public org.openhotline.wechat.handoff.WechatNotifier notifier(org.openhotline.wechat.handoff.ImageFetcher images,
                                                                  java.util.function.UnaryOperator<String> outboundGuard, java.time.Duration positionEvery) {
        return new org.openhotline.wechat.handoff.WechatNotifier(sender, images, outboundGuard, positionEvery, clock);
    }

    public CallbackHandler callback() {
        return handler;
    }

    public WechatApi api() {
        return api;
    }

    public UndeliveredLog undelivered() {
        return undelivered;
    }

    public WechatSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        responder.close();
        ledger.close();
        if (redis != null) redis.close();
    }
}
