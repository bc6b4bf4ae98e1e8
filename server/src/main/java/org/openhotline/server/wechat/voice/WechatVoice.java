package org.openhotline.server.wechat.voice;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.openhotline.server.app.VoiceConfig;
import org.openhotline.server.config.HotlineConfig;
import org.openhotline.voice.asr.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WeChat channel's speech recogniser, when this host can have one: {@code voice.asr.model-path} set and an
 * ffmpeg that decodes WeChat's AMR or Speex. Either missing is said once at start, and voice messages without
 * WeChat's own recognition get the polite "not understood" reply.
 */
public final class WechatVoice {
    private static final Logger log = LoggerFactory.getLogger(WechatVoice.class);
    /** WeChat's own limits: voice media up to 2 MB and 60 seconds. */
    static final int MAX_AUDIO_BYTES = 2 * 1024 * 1024;
    static final int MAX_SECONDS = 60;
    static final Duration FFMPEG_TIMEOUT = Duration.ofSeconds(20);
    static final Duration QUEUE_WAIT = Duration.ofSeconds(30);

    private WechatVoice() {}

    /** @param recognizer the server's recogniser, loaded on first call (the model is hundreds of MB: one for every channel) */
    public static Optional<FfmpegTranscriber> fromConfig(HotlineConfig config, Supplier<SpeechRecognizer> recognizer) {
        if (!VoiceConfig.settings(config).asrConfigured()) {
            log.info("WeChat voice messages are understood only when WeChat sends its recognition: set voice.asr.model-path "
                    + "(and install ffmpeg) to recognise the others here");
            return Optional.empty();
        }
        FfmpegDecoder decoder = new FfmpegDecoder("ffmpeg", FFMPEG_TIMEOUT, MAX_SECONDS);
        Set<String> formats = decoder.probe();
        if (formats.isEmpty()) {
            log.warn("WeChat voice messages without WeChat's recognition are not recognised: ffmpeg is missing or decodes neither AMR "
                    + "nor Speex (apt-get install ffmpeg)");
            return Optional.empty();
        }
        int concurrency = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        log.info("WeChat voice messages without WeChat's recognition are recognised here: {} through ffmpeg, {} at a time", formats, concurrency);
        return Optional.of(new FfmpegTranscriber(decoder, formats, recognizer.get(), MAX_AUDIO_BYTES, concurrency, QUEUE_WAIT));
    }
}
