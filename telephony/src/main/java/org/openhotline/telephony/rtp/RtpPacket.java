package org.openhotline.telephony.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/** One RTP packet (RFC 3550) without CSRC lists or extensions on the way out; parsing skips them on the way in. */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {

    public static final int HEADER = 12;

    /** Reads a packet; empty when the bytes are not RTP version 2 or are cut short (dropped, never thrown). */
    public static Optional<RtpPacket> parse(ByteBuffer b) {
        int len = b.remaining();
        if (len < HEADER) return Optional.empty();
        int p = b.position();
        int v0 = b.get(p) & 0xFF, v1 = b.get(p + 1) & 0xFF;
        if ((v0 >> 6) != 2) return Optional.empty();
        int csrc = v0 & 0x0F;
        int offset = HEADER + 4 * csrc;
        if ((v0 & 0x10) != 0) {
            if (len < offset + 4) return Optional.empty();
            int words = b.getShort(p + offset + 2) & 0xFFFF;
            offset += 4 + 4 * words;
        }
        int end = len;
        if ((v0 & 0x20) != 0) {
            int pad = b.get(p + len - 1) & 0xFF;
            end -= pad;
        }
        if (end < offset) return Optional.empty();
        byte[] payload = new byte[end - offset];
        b.get(p + offset, payload);
        int seq = b.getShort(p + 2) & 0xFFFF;
        long ts = b.getInt(p + 4) & 0xFFFFFFFFL;
        long ssrc = b.getInt(p + 8) & 0xFFFFFFFFL;
        return Optional.of(new RtpPacket(v1 & 0x7F, (v1 & 0x80) != 0, seq, ts, ssrc, payload));
    }

    /** Writes the packet into {@code out} (cleared first) ready to send. */
    public void writeTo(ByteBuffer out) {
        write(out, payloadType, marker, sequence, timestamp, ssrc, payload, payload.length);
    }

    /** Writes a packet from its fields without building one (the media clock's way: nothing allocated per packet). */
    static void write(ByteBuffer out, int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload, int length) {
        out.clear();
        out.put((byte) 0x80);
        out.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        out.putShort((short) sequence);
        out.putInt((int) timestamp);
        out.putInt((int) ssrc);
        out.put(payload, 0, length);
        out.flip();
    }
}
