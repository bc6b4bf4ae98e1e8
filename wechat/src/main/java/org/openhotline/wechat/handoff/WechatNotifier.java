package org.openhotline.wechat.handoff;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.openhotline.bot.handoff.CitizenNotice;
import org.openhotline.bot.handoff.CitizenNotifier;
import org.openhotline.bot.message.Channel;
import org.openhotline.wechat.api.KefuSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's voice on WeChat: every notice for a WeChat citizen goes out through the customer-service API — queue
 * position and waiting messages, the agent's name on accepting, the agent's texts and images (uploaded to WeChat's
 * media store first), the end and the rating invitation ("回复 1–5"). Position updates are sent at most once per
 * {@code positionEvery} per citizen: WeChat allows a citizen only a few customer-service messages between two of
 * theirs (45047), and those are better spent on the agent's words. Outbound text passes the sensitive-word guard
 * once more (the desk refuses an agent's sensitive words already; this covers the desk's own sentences).
 */
public final class WechatNotifier implements CitizenNotifier {
    private static final Logger log = LoggerFactory.getLogger(WechatNotifier.class);
    private static final String PREFIX = Channel.WECHAT.wireName() + ":";

    private final KefuSender sender;
    private final ImageFetcher images;
    private final UnaryOperator<String> outboundGuard;
    private final Duration positionEvery;
    private final Clock clock;
    private final Map<String, Long> lastPosition = new ConcurrentHashMap<>();

    public WechatNotifier(KefuSender sender, ImageFetcher images, UnaryOperator<String> outboundGuard, Duration positionEvery, Clock clock) {
        this.sender = sender;
        this.images = images;
        this.outboundGuard = outboundGuard;
        this.positionEvery = positionEvery;
        this.clock = clock;
    }

    @Override
    public boolean handles(String channel) {
        return Channel.WECHAT.wireName().equals(channel);
    }

    /** The customer-service API reaches a citizen from any node: the desk calls this once, where the notice arises. */
    @Override
    public boolean connectionBound() {
        return false;
    }

    @Override
    public void notify(CitizenNotice n) {
        try {
            String openId = openId(n.sessionId());
            if (openId == null) {
                log.warn("wechat notice {} for a session that is not a WeChat one; ignored", n.type());
                return;
            }
            switch (n.type()) {
                case TYPING -> { /* WeChat shows no typing */ }
                case POSITION -> {
                    if (positionDue(openId)) text(openId, n.text());
                }
                case QUEUED -> {
                    lastPosition.put(openId, clock.millis());
                    text(openId, n.text());
                }
                case MESSAGE -> message(openId, n);
                case ENDED, RATING_INVITATION, QUEUE_TIMEOUT -> {
                    lastPosition.remove(openId);
                    text(openId, n.text());
                }
                default -> text(openId, n.text());
            }
        } catch (RuntimeException e) {
            log.error("wechat notice {} of chat {} failed", n.type(), n.chatId(), e);
        }
    }

    private void message(String openId, CitizenNotice n) {
        if ("IMAGE".equalsIgnoreCase(n.messageKind()) && n.body() != null) {
            try {
                byte[] image = images.fetch(n.body());
                sender.sendImage(openId, fileName(n.body()), image);
                return;
            } catch (IOException e) {
                log.warn("agent's image for chat {} could not be read ({}); its text goes instead", n.chatId(), e.getMessage());
            }
        }
        String words = n.text() != null && !n.text().isBlank() ? n.text() : n.body();
        text(openId, words);
    }

    private void text(String openId, String text) {
        if (text == null || text.isBlank()) return;
        sender.send(openId, outboundGuard.apply(text));
    }

    private boolean positionDue(String openId) {
        long now = clock.millis();
        Long before = lastPosition.get(openId);
        if (before != null && now - before < positionEvery.toMillis()) return false;
        lastPosition.put(openId, now);
        return true;
    }

    static String openId(String sessionId) {
        if (sessionId == null || !sessionId.startsWith(PREFIX) || sessionId.length() == PREFIX.length()) return null;
        return sessionId.substring(PREFIX.length());
    }

    private static String fileName(String url) {
        String path = url.replaceAll("[?#].*$", "");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.contains(".") ? name : name + ".jpg";
    }
}
