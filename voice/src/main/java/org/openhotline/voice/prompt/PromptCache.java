package org.openhotline.voice.prompt;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.tts.SpeechSynthesizer;

/**
 * Synthesises each (text, language, rate) once: menus repeat the same sentences on every call, and a TTS process
 * per playback would cost more than the call's media. Concurrent requests for the same text wait for the one
 * synthesis in progress. Least recently used entries go when the cache holds more than {@code maxSamples}.
 * A failed synthesis is not cached (the next call tries again).
 */
public final class PromptCache implements SpeechSynthesizer {
    private final SpeechSynthesizer engine;
    private final long maxSamples;
    private final Map<Key, CompletableFuture<PcmAudio>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long samples;
    private long syntheses;

    /** {@code maxMegabytes} of 16-bit audio (1 MB ≈ a minute at 8 kHz). */
    public PromptCache(SpeechSynthesizer engine, int maxMegabytes) {
        this.engine = engine;
        this.maxSamples = maxMegabytes * 1024L * 1024 / 2;
    }

    @Override
    public PcmAudio synthesize(String text, Locale language, int sampleRate) {
        Key key = new Key(text.strip(), language, sampleRate);
        CompletableFuture<PcmAudio> mine = new CompletableFuture<>();
        CompletableFuture<PcmAudio> existing;
        synchronized (this) {
            existing = entries.putIfAbsent(key, mine);
            if (existing == null) syntheses++;
        }
        if (existing != null) return join(existing);
        try {
            PcmAudio audio = engine.synthesize(key.text, language, sampleRate);
            mine.complete(audio);
            admit(audio.length());
            return audio;
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private synchronized void admit(int length) {
        samples += length;
        var it = entries.entrySet().iterator();
        while (samples > maxSamples && it.hasNext()) {
            var oldest = it.next();
            if (entries.size() == 1 || !oldest.getValue().isDone()) break;
            samples -= oldest.getValue().join().length();
            it.remove();
        }
    }

    private static PcmAudio join(CompletableFuture<PcmAudio> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** How many texts were actually synthesised (not served from the cache). */
    public synchronized long syntheses() {
        return syntheses;
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public boolean supports(Locale language) {
        return engine.supports(language);
    }

    private record Key(String text, Locale language, int sampleRate) {}
}
