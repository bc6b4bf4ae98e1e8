package org.openhotline.wechat.callback;

import java.util.Optional;
import java.util.function.Function;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /wechat/callback}. GET is WeChat's URL check: the echostr comes back only with a valid signature.
 * POST is checked before anything reads it (size, request signature, no DTD; in AES mode the message signature
 * and the payload) and a refused one is logged as one line naming the reason and the peer, never its content.
 */
public final class CallbackHandler {
    private static final Logger log = LoggerFactory.getLogger(CallbackHandler.class);

    private final Signatures signatures;
    private final XmlGuard guard;
    private final Envelope envelope;
    private final Function<WxMpXmlMessage, Optional<String>> responder;
    private final RefusalCounts refusals = new RefusalCounts();

    public CallbackHandler(Signatures signatures, XmlGuard guard, Envelope envelope, Function<WxMpXmlMessage, Optional<String>> responder) {
        this.signatures = signatures;
        this.guard = guard;
        this.envelope = envelope;
        this.responder = responder;
    }

    public CallbackResponse handle(CallbackRequest req) {
        try {
            return switch (req.method().toUpperCase()) {
                case "GET" -> verify(req);
                case "POST" -> receive(req);
                default -> new CallbackResponse(405, "text/plain; charset=utf-8", "method not allowed");
            };
        } catch (RefusedCallback e) {
            refusals.add(e.refusal());
            log.warn("wechat callback refused: {} (from {})", e.refusal().wireName(), req.remote());
            return CallbackResponse.refused(e.refusal());
        }
    }

    private CallbackResponse verify(CallbackRequest req) throws RefusedCallback {
        String echo = req.param("echostr");
        if (echo.isEmpty()) throw new RefusedCallback(Refusal.MISSING_PARAMETERS);
        checkSignature(req);
        log.info("wechat URL verification passed");
        return CallbackResponse.text(echo);
    }

    private CallbackResponse receive(CallbackRequest req) throws RefusedCallback {
        checkSignature(req);
        String body = guard.read(req.body());
        Envelope.Opened opened = envelope.open(req, body);
        Optional<String> reply = responder.apply(opened.message());
        return reply.filter(t -> !t.isBlank()).map(t -> CallbackResponse.xml(envelope.seal(opened, t))).orElse(CallbackResponse.SUCCESS);
    }

    private void checkSignature(CallbackRequest req) throws RefusedCallback {
        if (req.param("timestamp").isEmpty() || req.param("nonce").isEmpty() || req.param("signature").isEmpty()) {
            throw new RefusedCallback(Refusal.MISSING_PARAMETERS);
        }
        if (!signatures.validRequest(req.param("signature"), req.param("timestamp"), req.param("nonce"))) {
            throw new RefusedCallback(Refusal.BAD_SIGNATURE);
        }
    }

    /** Refusals since start, by reason; for health pages and tests. */
    public RefusalCounts refusals() {
        return refusals;
    }
}
