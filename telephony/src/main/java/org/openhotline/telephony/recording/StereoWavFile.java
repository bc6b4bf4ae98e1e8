package org.openhotline.telephony.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 2-channel 8 kHz 16-bit PCM WAV written as it grows: the header's sizes are patched after every append, so a
 * reader (or a crash) sees a valid file of everything written so far. Used by one thread at a time.
 */
final class StereoWavFile implements AutoCloseable {
    static final int HEADER = 44;
    static final int RATE = 8000;
    static final int CHANNELS = 2;
    static final int BYTES_PER_FRAME = 2 * CHANNELS; // one sample of each channel

    private final FileChannel channel;
    private final ByteBuffer sizes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;

    private StereoWavFile(FileChannel channel, long dataBytes) {
        this.channel = channel;
        this.dataBytes = dataBytes;
    }

    static StereoWavFile create(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ch.write(header(0), 0);
        return new StereoWavFile(ch, 0);
    }

    /** Appends interleaved little-endian samples (position to limit) and patches the header to count them. */
    void append(ByteBuffer samples) throws IOException {
        while (samples.hasRemaining()) dataBytes += channel.write(samples, HEADER + dataBytes);
        patchSizes();
    }

    long dataBytes() {
        return dataBytes;
    }

    long durationMs() {
        return dataBytes / BYTES_PER_FRAME * 1000 / RATE;
    }

    private void patchSizes() throws IOException {
        writeInt(4, 36 + dataBytes);
        writeInt(40, dataBytes);
    }

    private void writeInt(long at, long value) throws IOException {
        sizes.clear();
        sizes.putInt((int) value).flip();
        while (sizes.hasRemaining()) channel.write(sizes, at + sizes.position());
    }

    /**
     * Repairs a file a crash left unfinished: the header is rewritten for the whole frames present (a torn last
     * frame is cut). Returns the data length in bytes, or -1 when the file is too short to be one of ours.
     */
    static long repair(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size < HEADER) return -1;
            long data = (size - HEADER) / BYTES_PER_FRAME * BYTES_PER_FRAME;
            ch.truncate(HEADER + data);
            ch.write(header(data), 0);
            return data;
        }
    }

    private static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) CHANNELS).putInt(RATE).putInt(RATE * BYTES_PER_FRAME).putShort((short) BYTES_PER_FRAME)
                .putShort((short) 16).put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return h.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
