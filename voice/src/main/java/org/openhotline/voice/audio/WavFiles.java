package org.openhotline.voice.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openhotline.voice.codec.G711;

/**
 * Reads and writes RIFF WAV. Reading accepts what recorded prompts and tools produce (8/16/24/32-bit PCM,
 * 32-bit float, G.711 µ-law and A-law, any channel count mixed down to mono, and the open-ended data size
 * espeak-ng writes to a pipe); writing is always 16-bit mono PCM. A file it cannot read is a
 * {@link WavFormatException} naming what is wrong, never a silent garbage clip.
 */
public final class WavFiles {
    private static final int PCM = 1, FLOAT = 3, ALAW = 6, ULAW = 7, EXTENSIBLE = 0xFFFE;

    private WavFiles() {}

    public static PcmAudio read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (WavFormatException e) {
            throw new WavFormatException(file + ": " + e.getMessage());
        }
    }

    public static PcmAudio read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    public static PcmAudio parse(byte[] bytes) throws WavFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) throw new WavFormatException("not a RIFF WAVE file");
        int pos = 12;
        Format format = null;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            long size = b.getInt(pos + 4) & 0xFFFFFFFFL;
            int body = pos + 8;
            if (id == 0x20746d66) { // "fmt "
                if (size < 16 || body + 16 > bytes.length) throw new WavFormatException("fmt chunk too short");
                format = Format.of(b, body, size);
            } else if (id == 0x61746164) { // "data"
                if (format == null) throw new WavFormatException("data chunk before fmt chunk");
                int end = (int) Math.min(bytes.length, body + size);
                return format.decode(b, body, end - body);
            }
            pos = (int) Math.min(bytes.length, body + size + (size & 1));
        }
        throw new WavFormatException(format == null ? "no fmt chunk" : "no data chunk");
    }

    public static void write(Path file, PcmAudio audio) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, toBytes(audio));
    }

    public static void write(OutputStream out, PcmAudio audio) throws IOException {
        out.write(toBytes(audio));
    }

    /** The whole file in memory: a 44-byte header then the samples. */
    public static byte[] toBytes(PcmAudio audio) {
        int dataSize = audio.length() * 2;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + dataSize).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) PCM).putShort((short) 1).putInt(audio.sampleRate())
                .putInt(audio.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        b.putInt(0x61746164).putInt(dataSize);
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + dataSize);
        out.writeBytes(b.array());
        out.writeBytes(audio.toLittleEndian());
        return out.toByteArray();
    }

    private record Format(int encoding, int channels, int sampleRate, int bits) {
        static Format of(ByteBuffer b, int at, long size) throws WavFormatException {
            int encoding = b.getShort(at) & 0xFFFF;
            int channels = b.getShort(at + 2) & 0xFFFF;
            int rate = b.getInt(at + 4);
            int bits = b.getShort(at + 14) & 0xFFFF;
            if (encoding == EXTENSIBLE && size >= 26) encoding = b.getShort(at + 24) & 0xFFFF;
            if (channels < 1 || rate <= 0) throw new WavFormatException("bad channel count " + channels + " or rate " + rate);
            boolean known = switch (encoding) {
                case PCM -> bits == 8 || bits == 16 || bits == 24 || bits == 32;
                case FLOAT -> bits == 32;
                case ALAW, ULAW -> bits == 8;
                default -> false;
            };
            if (!known) throw new WavFormatException("unsupported encoding " + encoding + " with " + bits + " bits");
            return new Format(encoding, channels, rate, bits);
        }

        PcmAudio decode(ByteBuffer b, int at, int length) {
            int frameBytes = bits / 8 * channels;
            int frames = length / frameBytes;
            short[] out = new short[frames];
            for (int f = 0; f < frames; f++) {
                long sum = 0;
                for (int c = 0; c < channels; c++) sum += sample(b, at + f * frameBytes + c * (bits / 8));
                out[f] = (short) (sum / channels);
            }
            return new PcmAudio(out, sampleRate);
        }

        private int sample(ByteBuffer b, int at) {
            return switch (encoding) {
                case ULAW -> G711.ulawToLinear(b.get(at));
                case ALAW -> G711.alawToLinear(b.get(at));
                case FLOAT -> (int) Math.max(-32768, Math.min(32767, Math.round(b.getFloat(at) * 32767.0)));
                default -> switch (bits) {
                    case 8 -> ((b.get(at) & 0xFF) - 128) << 8;
                    case 16 -> b.getShort(at);
                    case 24 -> (b.get(at + 2) << 8) | (b.get(at + 1) & 0xFF);
                    default -> b.getInt(at) >> 16;
                };
            };
        }
    }
}
