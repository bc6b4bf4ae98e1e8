package org.openhotline.wechat.answer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.openhotline.wechat.WechatBot;
import org.openhotline.wechat.WechatTexts;
import org.openhotline.wechat.api.KefuSender;
import org.openhotline.wechat.dedup.Outcome;
import org.openhotline.wechat.dedup.ReplyLedger;
import org.openhotline.wechat.message.InputReader;
import org.openhotline.wechat.message.MessageKey;
import org.openhotline.wechat.message.ReplyRenderer;
import org.openhotline.wechat.message.WechatInput;
import org.openhotline.wechat.voice.VoiceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's 5-second rule. The answer is worked out on a virtual thread; if it is ready within the reply budget it
 * goes back passively in the callback's response, otherwise WeChat gets "success" at the budget and the answer
 * follows through the customer-service API when ready. Each callback is claimed in the {@link ReplyLedger} first:
 * a retry of a callback being answered waits for the first one's outcome (up to the budget) and repeats it, so a
 * citizen never gets two answers to one message.
 */
public final class Responder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Responder.class);

    private final WechatBot bot;
    private final InputReader reader;
    private final ReplyRenderer renderer;
    private final ReplyLedger ledger;
    private final KefuSender sender;
    private final Duration budget;
    private final WechatTexts texts;
    private final VoiceReader voice;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("wechat-answer-", 0).factory());

    public Responder(WechatBot bot, InputReader reader, ReplyRenderer renderer, ReplyLedger ledger, KefuSender sender,
                     Duration budget, WechatTexts texts, VoiceReader voice) {
        this.bot = bot;
        this.reader = reader;
        this.renderer = renderer;
        this.ledger = ledger;
        this.sender = sender;
        this.budget = budget;
        this.texts = texts;
        this.voice = voice;
    }

    /** The passive reply text for {@code m}, or empty for "success" (nothing to say, or the answer comes later). */
    public Optional<String> respond(WxMpXmlMessage m) {
        WechatInput input = reader.read(m);
        String openId = m.getFromUser();
        if (input instanceof WechatInput.Ignore ignore) {
            log.info("wechat {} from {}: nothing to reply", ignore.why(), KefuSender.mask(openId));
            return Optional.empty();
        }
        String key = MessageKey.of(m);
        if (!ledger.claim(key)) {
            Optional<Outcome> first = ledger.await(key, budget);
            log.info("wechat retry of a callback {}", first.isEmpty() ? "still being answered: success"
                    : first.get().later() ? "answered later through the customer-service API: success" : "answered: same reply");
            return first.map(Outcome::passiveText);
        }
        sender.citizenWrote(openId);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> answer(openId, input), workers);
        try {
            String text = answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            ledger.complete(key, Outcome.passive(text));
            return Optional.of(text);
        } catch (TimeoutException e) {
            ledger.complete(key, Outcome.LATER);
            answer.whenComplete((text, fault) -> sender.send(openId, text != null ? text : texts.error()));
            log.info("wechat answer not ready within {} ms: success now, customer-service message when ready", budget.toMillis());
            return Optional.empty();
        } catch (ExecutionException e) {
            log.error("wechat answer failed", e.getCause());
            ledger.complete(key, Outcome.passive(texts.error()));
            return Optional.of(texts.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ledger.complete(key, Outcome.LATER);
            answer.whenComplete((text, fault) -> sender.send(openId, text != null ? text : texts.error()));
            return Optional.empty();
        }
    }

    private String answer(String openId, WechatInput input) {
        return switch (input) {
            case WechatInput.Ask ask -> renderer.render(bot.answer(openId, ask.text()));
            case WechatInput.Welcome w -> renderer.render(bot.welcome());
            case WechatInput.Category c -> renderer.render(bot.category(openId, c.name()));
            case WechatInput.Say say -> say.text();
            case WechatInput.Media media -> bot.withPerson(openId) ? renderer.render(bot.answer(openId, media.forAgent())) : media.polite();
            case WechatInput.Voice v -> voice == null ? texts.voiceUnrecognised()
                    : voice.read(v.mediaId(), v.format()).map(text -> renderer.render(bot.answer(openId, text))).orElse(texts.voiceUnrecognised());
            case WechatInput.Ignore ignore -> throw new IllegalStateException("ignored inputs are not answered");
        };
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
