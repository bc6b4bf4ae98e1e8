package org.openhotline.server.wechat.voice;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openhotline.voice.asr.RecognitionResult;
import org.openhotline.voice.asr.RecognitionSession;
import org.openhotline.voice.asr.SpeechRecognizer;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.wechat.voice.VoiceTranscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the WeChat channel's voice port: ffmpeg decodes the message, the voice module's recogniser (Vosk) hears it.
 * At most {@code concurrency} messages decode and recognise at once (each costs a process and a CPU core for
 * seconds); one waiting longer than {@code queueWait}, one larger than {@code maxAudioBytes}, or audio ffmpeg cannot
 * decode gets empty, which the channel answers with its polite "not understood". The recogniser is the server's
 * (shared with the phone channel) and closed by it.
 */
public final class FfmpegTranscriber implements VoiceTranscriber {
    private static final Logger log = LoggerFactory.getLogger(FfmpegTranscriber.class);
    /** Samples handed to the recogniser at a time: 0.2 s at 16 kHz. */
    private static final int CHUNK = 3200;

    private final FfmpegDecoder decoder;
    private final Set<String> formats;
    private final SpeechRecognizer recognizer;
    private final int maxAudioBytes;
    private final Semaphore slots;
    private final Duration queueWait;

    public FfmpegTranscriber(FfmpegDecoder decoder, Set<String> formats, SpeechRecognizer recognizer, int maxAudioBytes, int concurrency,
                             Duration queueWait) {
        this.decoder = decoder;
        this.formats = Set.copyOf(formats);
        this.recognizer = recognizer;
        this.maxAudioBytes = maxAudioBytes;
        this.slots = new Semaphore(concurrency, true);
        this.queueWait = queueWait;
    }

    @Override
    public Set<String> formats() {
        return formats;
    }

    @Override
    public Optional<String> transcribe(byte[] audio, String format) {
        if (!formats.contains(format)) return Optional.empty();
        if (audio.length == 0 || audio.length > maxAudioBytes) {
            log.warn("wechat voice message of {} bytes not recognised: the limit is {} bytes", audio.length, maxAudioBytes);
            return Optional.empty();
        }
        try {
            if (!slots.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("wechat voice message not recognised: every recognition slot stayed busy for {} ms", queueWait.toMillis());
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return decoder.decode(audio, format).map(this::recognise).filter(text -> !text.isEmpty());
        } finally {
            slots.release();
        }
    }

    private String recognise(PcmAudio pcm) {
        StringBuilder text = new StringBuilder();
        try (RecognitionSession session = recognizer.open(pcm.sampleRate())) {
            short[] samples = pcm.samples();
            for (int at = 0; at < samples.length; at += CHUNK) {
                append(text, session.accept(samples, at, Math.min(CHUNK, samples.length - at)));
            }
            append(text, session.finish());
        }
        return joinHan(text.toString().strip());
    }

    private static void append(StringBuilder text, RecognitionResult r) {
        if (r.complete() && !r.isEmpty()) text.append(' ').append(r.text());
    }

    /** Vosk separates Chinese words with spaces ("社保 卡 怎么 补办"); the bot and the transcript read them joined. */
    static String joinHan(String text) {
        return text.replaceAll("(?<=\\p{IsHan}) +(?=\\p{IsHan})", "");
    }
}
