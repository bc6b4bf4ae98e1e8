package org.openhotline.voice.tts;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;
import org.openhotline.voice.audio.PcmAudio;

/** A FreeTTS audio "player" that keeps the samples in memory instead of opening a sound card (servers have none). */
final class CapturingAudioPlayer implements AudioPlayer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private AudioFormat format = new AudioFormat(16000, 16, 1, true, true);
    private float volume = 1;

    /** The captured speech as 16-bit mono PCM, then starts afresh. */
    PcmAudio take() {
        byte[] data = bytes.toByteArray();
        bytes.reset();
        int bytesPerSample = format.getSampleSizeInBits() / 8;
        short[] samples = new short[data.length / bytesPerSample];
        for (int i = 0; i < samples.length; i++) {
            int at = i * bytesPerSample;
            if (bytesPerSample == 1) samples[i] = (short) (data[at] << 8);
            else if (format.isBigEndian()) samples[i] = (short) ((data[at] << 8) | (data[at + 1] & 0xFF));
            else samples[i] = (short) ((data[at + 1] << 8) | (data[at] & 0xFF));
        }
        return new PcmAudio(samples, Math.round(format.getSampleRate()));
    }

    @Override public void setAudioFormat(AudioFormat format) { this.format = format; }
    @Override public AudioFormat getAudioFormat() { return format; }
    @Override public void pause() {}
    @Override public void resume() {}
    @Override public void reset() {}
    @Override public boolean drain() { return true; }
    @Override public void begin(int size) {}
    @Override public boolean end() { return true; }
    @Override public void cancel() {}
    @Override public void close() {}
    @Override public float getVolume() { return volume; }
    @Override public void setVolume(float volume) { this.volume = volume; }
    @Override public long getTime() { return 0; }
    @Override public void resetTime() {}
    @Override public void startFirstSampleTimer() {}
    @Override public boolean write(byte[] audio) { return write(audio, 0, audio.length); }

    @Override
    public boolean write(byte[] audio, int offset, int length) {
        bytes.write(audio, offset, length);
        return true;
    }

    @Override public void showMetrics() {}
}
