package org.openhotline.voice.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Mono 16-bit linear PCM at a known sample rate: the one in-memory audio form every part of voice speaks,
 * so codecs, resampling, TTS and ASR never guess a format. The array is not copied; treat it as read-only.
 */
public record PcmAudio(short[] samples, int sampleRate) {

    public PcmAudio {
        if (samples == null) throw new IllegalArgumentException("samples are null");
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }

    public static PcmAudio silence(int sampleRate, int millis) {
        return new PcmAudio(new short[(int) ((long) sampleRate * millis / 1000)], sampleRate);
    }

    public int length() {
        return samples.length;
    }

    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    /** This audio at another rate (the same object when the rate already matches). */
    public PcmAudio at(int targetRate) {
        return targetRate == sampleRate ? this : Resampler.convert(this, targetRate);
    }

    /** Little-endian bytes, the layout of WAV data and of Vosk's input. */
    public byte[] toLittleEndian() {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }

    public static PcmAudio fromLittleEndian(byte[] bytes, int offset, int length, int sampleRate) {
        short[] samples = new short[length / 2];
        ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return new PcmAudio(samples, sampleRate);
    }

    /** Samples {@code [from, to)} as new audio at the same rate. */
    public PcmAudio slice(int from, int to) {
        return new PcmAudio(java.util.Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    @Override
    public String toString() {
        return "PcmAudio[" + samples.length + " samples @ " + sampleRate + " Hz]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmAudio p && p.sampleRate == sampleRate && java.util.Arrays.equals(p.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + java.util.Arrays.hashCode(samples);
    }
}
