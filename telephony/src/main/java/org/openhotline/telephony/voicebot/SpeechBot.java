package org.openhotline.telephony.voicebot;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.openhotline.bot.message.Reply;
import org.openhotline.bot.message.ReplyType;
import org.openhotline.telephony.ivr.CallIo;
import org.openhotline.telephony.ivr.VoiceBot;
import org.openhotline.voice.asr.RecognitionResult;
import org.openhotline.voice.asr.RecognitionSession;
import org.openhotline.voice.asr.SpeechRecognizer;
import org.openhotline.voice.prompt.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice bot: the caller's speech is streamed into the recogniser as it arrives, the text goes to the same
 * dialogue engine as chat, the reply is spoken (the caller may talk over it). When speech fails twice the
 * caller is asked to key the answer in (an ID or phone number) and the digits go to the engine instead.
 * Key 0 asks for a person, # leaves the bot.
 */
public final class SpeechBot implements VoiceBot {
    private static final Logger log = LoggerFactory.getLogger(SpeechBot.class);

    /** The bot's own sentences, per language. */
    public record Texts(String notHeard, String useKeypad) {
        public static Texts of(Locale language) {
            return "en".equals(language.getLanguage())
                    ? new Texts("Sorry, I did not catch that. Please say it again.", "Please key it in and press hash.")
                    : new Texts("抱歉，没有听清，请再说一遍。", "请用电话按键输入，以井号键结束。");
        }
    }

    private final SpeechRecognizer recognizer;
    private final DialogueEngine engine;
    private final int maxTurns;
    private final Duration noSpeech;

    public SpeechBot(SpeechRecognizer recognizer, DialogueEngine engine, int maxTurns, Duration noSpeech) {
        this.recognizer = recognizer;
        this.engine = engine;
        this.maxTurns = maxTurns;
        this.noSpeech = noSpeech;
    }

    @Override
    public Optional<String> talk(CallIo io, String defaultGroup, Locale language) {
        Texts texts = Texts.of(language);
        int misses = 0;
        char ahead = 0; // a key pressed while "did not catch that" plays: the next turn's, as if pressed while listening
        for (int turn = 0; turn < maxTurns; turn++) {
            AtomicReference<String> partial = new AtomicReference<>("");
            String text = "";
            char key = ahead;
            ahead = 0;
            if (key == 0) {
                try (RecognitionSession asr = recognizer.open(8000)) {
                    key = io.listen(frame -> {
                        RecognitionResult r = asr.accept(frame);
                        if (!r.isEmpty()) partial.set(r.text());
                    }, noSpeech, Duration.ofSeconds(20));
                    text = key == 0 ? asr.finish().text() : "";
                }
            }
            if (key == 0 && (text == null || text.isBlank())) text = partial.get(); // the endpointer may have cut early
            if (key == '0') return Optional.of(defaultGroup);
            if (key == '#' || key == '*') return Optional.empty();
            if (Character.isDigit(key)) {
                text = io.digits(key, 20, Duration.ofSeconds(8)); // keyed in without being asked: an ID, a phone number
            } else if (text == null || text.isBlank()) {
                misses++;
                if (misses >= 3) return Optional.empty();
                if (misses < 2) {
                    ahead = io.play(Prompt.text(texts.notHeard(), language));
                    continue;
                }
                char first = io.play(Prompt.text(texts.useKeypad(), language));
                text = io.digits(first, 20, Duration.ofSeconds(8));
            }
            if (text.isEmpty()) continue;
            misses = 0;
            Reply reply = engine.respond(io.callId(), text);
            log.debug("{}: heard {} characters, the bot answered {}", io.callId(), text.length(), reply.type()); // never the words: they may hold an ID number
            if (reply.text() != null && !reply.text().isBlank()) io.play(Prompt.text(reply.text(), language));
            if (reply.type() == ReplyType.TRANSFER) return Optional.of(defaultGroup);
        }
        return Optional.empty();
    }
}
