package org.openhotline.eval.voice;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openhotline.voice.asr.RecognitionResult;
import org.openhotline.voice.asr.RecognitionSession;
import org.openhotline.voice.asr.SpeechRecognizer;
import org.openhotline.voice.asr.WordErrorRate;
import org.openhotline.voice.audio.PcmAudio;

/**
 * Streaming ASR under load: {@code streams} callers at once, each feeding every sentence in 20 ms frames at 8 kHz
 * as fast as the recogniser takes them. Real-time factor = processing time / audio time per stream (below 1 keeps
 * up with a live call; the target is 0.5 with four streams), and word error rate over all sentences. The CPU
 * real-time factor (the stream thread's CPU time / audio time) is printed too: on a busy machine it shows what the
 * recogniser itself costs, which wall-clock time cannot.
 */
public final class AsrBench {
    private static final int FRAME = 160;

    private AsrBench() {}

    public record Result(int streams, int sentences, double audioSeconds, double rtfMean, double rtfMax, double cpuRtfMean, double wer, int cores) {}

    public static Result run(SpeechRecognizer recognizer, List<String> sentences, List<PcmAudio> speech, int streams, PrintStream out) throws Exception {
        double audioSeconds = speech.stream().mapToDouble(a -> a.length() / (double) a.sampleRate()).sum();
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<Future<Stream>> futures = new ArrayList<>();
            for (int s = 0; s < streams; s++) futures.add(pool.submit(() -> stream(recognizer, speech)));
            double rtfSum = 0, rtfMax = 0, cpuSum = 0;
            int errors = 0, words = 0;
            for (int s = 0; s < streams; s++) {
                Stream r = futures.get(s).get();
                double rtf = r.seconds / audioSeconds;
                out.printf("  stream %d: %.1f s of audio in %.1f s, real-time factor %.2f (CPU %.2f)%n", s + 1, audioSeconds, r.seconds, rtf, r.cpuSeconds / audioSeconds);
                cpuSum += r.cpuSeconds / audioSeconds;
                rtfSum += rtf;
                rtfMax = Math.max(rtfMax, rtf);
                for (int i = 0; i < sentences.size(); i++) {
                    List<String> ref = WordErrorRate.words(sentences.get(i));
                    errors += WordErrorRate.errors(ref, WordErrorRate.words(r.texts.get(i)));
                    words += ref.size();
                    if (s == 0) out.println("    " + sentences.get(i) + " → " + r.texts.get(i));
                }
            }
            return new Result(streams, sentences.size(), audioSeconds, rtfSum / streams, rtfMax, cpuSum / streams, (double) errors / words, Runtime.getRuntime().availableProcessors());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Stream(double seconds, double cpuSeconds, List<String> texts) {}

    private static Stream stream(SpeechRecognizer recognizer, List<PcmAudio> speech) {
        List<String> texts = new ArrayList<>();
        long started = System.nanoTime();
        long cpuStarted = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (PcmAudio sentence : speech) {
            StringBuilder text = new StringBuilder();
            try (RecognitionSession session = recognizer.open(sentence.sampleRate())) {
                for (int i = 0; i + FRAME <= sentence.length(); i += FRAME) {
                    RecognitionResult r = session.accept(sentence.samples(), i, FRAME);
                    if (r.complete()) text.append(' ').append(r.text());
                }
                text.append(' ').append(session.finish().text());
            }
            texts.add(text.toString().strip().replaceAll("\\s+", " "));
        }
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStarted) / 1e9;
        return new Stream((System.nanoTime() - started) / 1e9, cpu, texts);
    }
}
