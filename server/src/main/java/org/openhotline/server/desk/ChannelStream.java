package org.openhotline.server.desk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One channel of a recording's stereo WAV as a mono WAV, read straight from the file without a copy: the player's
 * {@code ?channel=caller|agent}. It can skip (so HTTP Range seeks work) and knows its length in advance.
 */
final class ChannelStream extends InputStream {
    private static final int HEADER = 44;

    private final FileChannel file;
    private final int channel;          // 0 = left (the caller), 1 = right (what the caller heard)
    private final long length;          // bytes of the mono WAV, header included
    private final byte[] header;
    private final ByteBuffer block = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    ChannelStream(Path stereo, int channel) throws IOException {
        this.file = FileChannel.open(stereo, StandardOpenOption.READ);
        this.channel = channel;
        long frames = Math.max(0, file.size() - HEADER) / 4;
        this.length = HEADER + frames * 2;
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (length - 8))
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (frames * 2));
        this.header = h.array();
    }

    long length() {
        return length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] out, int off, int len) throws IOException {
        if (position >= length) return -1;
        if (len == 0) return 0;
        if (position < HEADER) {
            int n = (int) Math.min(len, HEADER - position);
            System.arraycopy(header, (int) position, out, off, n);
            position += n;
            return n;
        }
        // whole samples only (a Range may start mid-sample: then the first byte is the sample's high byte)
        long sample = (position - HEADER) / 2;
        int within = (int) ((position - HEADER) % 2);
        int samples = (int) Math.min((len + within + 1) / 2, Math.min(block.capacity() / 4, (length - HEADER) / 2 - sample));
        block.clear().limit(samples * 4);
        long at = HEADER + sample * 4;
        while (block.hasRemaining()) if (file.read(block, at + block.position()) < 0) break;
        samples = Math.min(samples, block.position() / 4); // the file was cut meanwhile: never the last block's bytes again
        if (samples == 0) {
            position = length;
            return -1;
        }
        int n = 0;
        for (int i = 0; i < samples && n < len; i++) {
            int base = i * 4 + channel * 2;
            for (int b = (i == 0 ? within : 0); b < 2 && n < len; b++) out[off + n++] = block.get(base + b);
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, length - position));
        position += k;
        return k;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
