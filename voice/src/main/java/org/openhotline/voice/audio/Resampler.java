package org.openhotline.voice.audio;

import java.util.Arrays;

/**
 * Streaming rational-ratio resampler (polyphase, Kaiser-windowed sinc), e.g. 8 kHz RTP to the 16 kHz an ASR
 * model wants, or a 44.1 kHz recorded prompt down to 8 kHz. The low-pass sits below the lower rate's Nyquist
 * frequency (pass band to 85 %, about 80 dB down from it), so a downsampled prompt does not fold hiss into the
 * voice band. One instance per stream, not thread-safe; it keeps the filter history between blocks.
 */
public final class Resampler {
    private static final double PASS = 0.85;
    private static final double STOPBAND_DB = 80;

    private final int fromRate;
    private final int toRate;
    private final int up;
    private final int down;
    private final int taps;
    private final float[][] phases;
    private float[] history;
    private int historyLength;
    private long consumed;
    private long produced;

    private Resampler(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) throw new IllegalArgumentException("sample rates must be positive");
        this.fromRate = fromRate;
        this.toRate = toRate;
        int g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
        this.taps = tapsPerPhase(fromRate, toRate);
        this.phases = fromRate == toRate ? new float[0][] : KaiserSinc.polyphase(up, taps, cutoff(fromRate, toRate), STOPBAND_DB);
        this.history = new float[taps + 1024];
    }

    /** A resampler for one stream. */
    public static Resampler create(int fromRate, int toRate) {
        return new Resampler(fromRate, toRate);
    }

    /** Converts a whole clip; the filter delay is removed, so a tone keeps its place in time. */
    public static PcmAudio convert(PcmAudio audio, int toRate) {
        if (audio.sampleRate() == toRate) return audio;
        Resampler r = new Resampler(audio.sampleRate(), toRate);
        int expected = (int) ((long) audio.length() * toRate / audio.sampleRate());
        int skip = r.delayOutputSamples();
        short[] body = r.process(audio.samples(), 0, audio.length());
        short[] tail = r.process(new short[r.taps + 1], 0, r.taps + 1);
        short[] out = new short[expected];
        int available = body.length + tail.length;
        for (int i = 0; i < expected && i + skip < available; i++) {
            int j = i + skip;
            out[i] = j < body.length ? body[j] : tail[j - body.length];
        }
        return new PcmAudio(out, toRate);
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /** How many output samples the filter lags its input; streams can ignore it (a few milliseconds). */
    public int delayOutputSamples() {
        return fromRate == toRate ? 0 : (int) Math.round((taps * up - 1) / 2.0 / down);
    }

    public short[] process(short[] pcm) {
        return process(pcm, 0, pcm.length);
    }

    /** Feeds {@code length} samples and returns the output they complete (possibly none). */
    public short[] process(short[] pcm, int offset, int length) {
        if (fromRate == toRate) return Arrays.copyOfRange(pcm, offset, offset + length);
        append(pcm, offset, length);
        long available = consumed + length;
        int count = (int) Math.max(0, ceilDiv(available * up, down) - produced);
        short[] out = new short[count];
        long base = consumed - (historyLength - length); // absolute index of history[0]
        for (int n = 0; n < count; n++) {
            long position = (produced + n) * down;
            long newest = position / up;
            float[] h = phases[(int) (position % up)];
            int at = (int) (newest - base);
            double acc = 0;
            int k = 0;
            for (; k < taps && at - k >= 0; k++) acc += h[k] * history[at - k];
            out[n] = clamp(acc);
        }
        produced += count;
        consumed = available;
        trim();
        return out;
    }

    private void append(short[] pcm, int offset, int length) {
        if (historyLength + length > history.length) history = Arrays.copyOf(history, Math.max(history.length * 2, historyLength + length));
        for (int i = 0; i < length; i++) history[historyLength + i] = pcm[offset + i];
        historyLength += length;
    }

    private void trim() {
        int keep = Math.min(historyLength, taps);
        System.arraycopy(history, historyLength - keep, history, 0, keep);
        historyLength = keep;
    }

    private static short clamp(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    /** Cut-off in cycles per sample of the upsampled (prototype) rate: midway through the transition band. */
    private static double cutoff(int fromRate, int toRate) {
        int g = gcd(fromRate, toRate);
        double nyquist = Math.min(fromRate, toRate) / 2.0;
        double prototypeRate = (double) fromRate * (toRate / g);
        return nyquist * (1 + PASS) / 2 / prototypeRate;
    }

    /** Filter length per phase, from Kaiser's estimate for the transition band at the input rate. */
    private static int tapsPerPhase(int fromRate, int toRate) {
        double nyquist = Math.min(fromRate, toRate) / 2.0;
        double transition = 2 * Math.PI * nyquist * (1 - PASS) / fromRate;
        int n = (int) Math.ceil((STOPBAND_DB - 8) / (2.285 * transition)) + 1;
        return n + (n & 1);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
