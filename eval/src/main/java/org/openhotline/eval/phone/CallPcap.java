package org.openhotline.eval.phone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openhotline.voice.codec.G711;

/**
 * Writes the RTP a benchmark caller plays through sipp's play_pcap_audio: a caller speaking (a 300 Hz tone in
 * 20 ms PCMU packets, as phones send) for the whole call, and the key 1 as RFC 4733 events every two seconds,
 * interleaved like a phone that keeps its audio running while it signals a key (events on their own SSRC).
 */
final class CallPcap {
    private CallPcap() {}

    static void write(Path file, int seconds, int firstKeyMs, int keyEveryMs) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            out.write(h.array());
            short[] pcm = new short[160];
            byte[] payload = new byte[160];
            int frames = seconds * 50, eventSeq = 1;
            for (int f = 0; f < frames; f++) {
                long micros = f * 20_000L;
                for (int i = 0; i < 160; i++) pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * (f * 160 + i) / 8000.0));
                G711.encode(G711.Law.ULAW, pcm, 0, 160, payload);
                packet(out, micros, rtp(0, f == 0, f, f * 160L, 0x11111111, payload));
                int ms = f * 20 - firstKeyMs;
                if (ms >= 0 && ms % keyEveryMs < 200) {
                    int step = (ms % keyEveryMs) / 20; // 10 packets a press: 7 updates then the end three times
                    long eventTs = (long) (f - step) * 160;
                    boolean end = step >= 7;
                    byte[] ev = {1, (byte) ((end ? 0x80 : 0) | 10), (byte) ((step + 1) * 160 >> 8), (byte) ((step + 1) * 160)};
                    packet(out, micros + 5_000, rtp(101, step == 0, eventSeq++, eventTs, 0x22222222, ev));
                }
            }
        }
    }

    private static byte[] rtp(int pt, boolean marker, int seq, long ts, int ssrc, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) seq).putInt((int) ts).putInt(ssrc).put(payload);
        return b.array();
    }

    /** One Ethernet/IPv4/UDP frame; sipp rewrites addresses and ports when it replays. */
    private static void packet(OutputStream out, long micros, byte[] rtp) throws IOException {
        int udpLen = 8 + rtp.length, ipLen = 20 + udpLen, frameLen = 14 + ipLen;
        ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frameLen).putInt(frameLen);
        out.write(rec.array());
        ByteBuffer p = ByteBuffer.allocate(frameLen);
        p.put(new byte[12]).putShort((short) 0x0800);
        p.put((byte) 0x45).put((byte) 0).putShort((short) ipLen).putShort((short) 0).putShort((short) 0).put((byte) 64).put((byte) 17)
                .putShort((short) 0).put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
        p.putShort((short) 10000).putShort((short) 20000).putShort((short) udpLen).putShort((short) 0);
        p.put(rtp);
        out.write(p.array());
    }
}
