package org.openhotline.voice.prompt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.audio.WavFormatException;

/**
 * Checks a WAV an admin uploads as a prompt before it replaces anything: RIFF/WAVE, PCM 8/16-bit or G.711 (µ-law,
 * A-law), mono or stereo, at most {@link #MAX_BYTES} and {@link #MAX_SECONDS}; then converts it to 8 kHz mono 16-bit,
 * the form a call plays without work. What is wrong is said in a sentence an admin can act on.
 */
public final class RecordingUpload {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_SECONDS = 600;
    public static final int RATE = 8000;
    private static final int PCM = 1, ALAW = 6, ULAW = 7, EXTENSIBLE = 0xFFFE;

    private RecordingUpload() {}

    /** The upload as 8 kHz mono audio, or a {@link WavFormatException} saying why it is refused. */
    public static PcmAudio convert(byte[] wav) throws WavFormatException {
        if (wav.length > MAX_BYTES) throw new WavFormatException("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) throw new WavFormatException("not a WAV file (RIFF/WAVE)");
        int pos = 12, bytesPerSecond = 0;
        long dataBytes = -1;
        while (pos + 8 <= wav.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > wav.length) throw new WavFormatException("the WAV format chunk is too short");
                bytesPerSecond = checkFormat(b, body, size);
            } else if (id == 0x61746164) { // "data"
                dataBytes = Math.min(size, wav.length - body);
                break;
            }
            pos = (int) Math.min(wav.length, body + size + (size & 1));
        }
        if (bytesPerSecond == 0) throw new WavFormatException("the WAV file has no format chunk before its data");
        if (dataBytes <= 0) throw new WavFormatException("the WAV file holds no audio");
        if (dataBytes / bytesPerSecond > MAX_SECONDS) {
            throw new WavFormatException("the recording lasts " + dataBytes / bytesPerSecond + " s, more than " + MAX_SECONDS / 60 + " minutes");
        }
        PcmAudio audio = WavFiles.parse(wav).at(RATE);
        if (audio.length() == 0) throw new WavFormatException("the WAV file holds no audio");
        return audio;
    }

    /** The format's bytes per second, or why the format is refused. */
    private static int checkFormat(ByteBuffer b, int at, long size) throws WavFormatException {
        int encoding = b.getShort(at) & 0xFFFF;
        int channels = b.getShort(at + 2) & 0xFFFF;
        int rate = b.getInt(at + 4);
        int bits = b.getShort(at + 14) & 0xFFFF;
        if (encoding == EXTENSIBLE && size >= 26) encoding = b.getShort(at + 24) & 0xFFFF;
        boolean ok = switch (encoding) {
            case PCM -> bits == 8 || bits == 16;
            case ALAW, ULAW -> bits == 8;
            default -> false;
        };
        if (!ok) {
            throw new WavFormatException("the WAV encoding must be PCM 8/16-bit or G.711 (A-law, µ-law), not format " + encoding + " with " + bits + " bits");
        }
        if (channels != 1 && channels != 2) throw new WavFormatException("the recording must be mono or stereo, not " + channels + " channels");
        if (rate < 8000 || rate > 96000) throw new WavFormatException("the sample rate must be 8000 to 96000 Hz, not " + rate);
        return rate * channels * (bits / 8);
    }
}
