package org.openhotline.voice.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.tts.EspeakSynthesizer;
import org.openhotline.voice.tts.SpeechSynthesizer;
import org.openhotline.voice.tts.SpeechUnavailableException;

class PromptCacheTest {

    @Test
    void theSameTextIsSynthesisedOnceEvenWhenManyCallsAskAtOnce() throws Exception {
        Counting espeak = new Counting(new EspeakSynthesizer());
        PromptCache cache = new PromptCache(espeak, 16);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        PcmAudio[] results = new PcmAudio[8];
        for (int i = 0; i < results.length; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                results[n] = cache.synthesize("请按1", SpeechSynthesizer.MANDARIN, 8000);
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join();
        assertEquals(1, espeak.calls.get(), "one espeak-ng process for eight callers");
        for (PcmAudio r : results) assertSame(results[0], r);
        cache.synthesize("请按1", SpeechSynthesizer.MANDARIN, 16000);
        cache.synthesize("请按2", SpeechSynthesizer.MANDARIN, 8000);
        assertEquals(3, espeak.calls.get(), "another rate or text is another entry");
        assertEquals(3, cache.syntheses());
    }

    @Test
    void oldEntriesGoWhenTheCacheIsFull() {
        Counting tone = new Counting(new Fixed(600_000)); // 1.2 MB each
        PromptCache cache = new PromptCache(tone, 2);
        cache.synthesize("a", SpeechSynthesizer.ENGLISH, 8000);
        cache.synthesize("b", SpeechSynthesizer.ENGLISH, 8000);
        assertEquals(1, cache.size(), "2 MB hold one 1.2 MB prompt");
        cache.synthesize("b", SpeechSynthesizer.ENGLISH, 8000);
        assertEquals(2, tone.calls.get(), "the newest stayed");
        cache.synthesize("a", SpeechSynthesizer.ENGLISH, 8000);
        assertEquals(3, tone.calls.get(), "the oldest went");
    }

    @Test
    void failuresAreNotCached() {
        AtomicInteger attempts = new AtomicInteger();
        SpeechSynthesizer flaky = new Fixed(100) {
            @Override
            public PcmAudio synthesize(String text, Locale language, int sampleRate) {
                if (attempts.incrementAndGet() == 1) throw new SpeechUnavailableException("espeak-ng failed");
                return super.synthesize(text, language, sampleRate);
            }
        };
        PromptCache cache = new PromptCache(flaky, 1);
        assertThrows(SpeechUnavailableException.class, () -> cache.synthesize("x", SpeechSynthesizer.ENGLISH, 8000));
        assertEquals(100, cache.synthesize("x", SpeechSynthesizer.ENGLISH, 8000).length());
        assertTrue(attempts.get() == 2);
    }

    /** Counts calls to a real synthesizer. */
    static final class Counting implements SpeechSynthesizer {
        final SpeechSynthesizer inner;
        final AtomicInteger calls = new AtomicInteger();

        Counting(SpeechSynthesizer inner) {
            this.inner = inner;
        }

        @Override
        public PcmAudio synthesize(String text, Locale language, int sampleRate) {
            calls.incrementAndGet();
            return inner.synthesize(text, language, sampleRate);
        }

        @Override
        public boolean supports(Locale language) {
            return inner.supports(language);
        }
    }

    /** Audio of a fixed length, for the cache's size accounting. */
    static class Fixed implements SpeechSynthesizer {
        private final int samples;

        Fixed(int samples) {
            this.samples = samples;
        }

        @Override
        public PcmAudio synthesize(String text, Locale language, int sampleRate) {
            return new PcmAudio(new short[samples], sampleRate);
        }

        @Override
        public boolean supports(Locale language) {
            return true;
        }
    }
}
