package org.openhotline.telephony.rtp;

import java.nio.ByteBuffer;

/**
 * The fields of a received RTP packet read in place: one instance per session, reused for every datagram by the
 * selector thread, so receiving allocates nothing (the payload stays in the receive buffer). Same rules as
 * {@link RtpPacket#parse}: CSRC lists, extensions and padding are skipped; anything cut short is refused.
 */
final class RtpHeader {
    int payloadType;
    int sequence;
    long timestamp;
    int payloadOffset; // absolute index in the buffer
    int payloadLength;

    /** Reads {@code b} (position to limit) without moving it; false when it is not RTP version 2 or is cut short. */
    boolean read(ByteBuffer b) {
        int len = b.remaining();
        if (len < RtpPacket.HEADER) return false;
        int p = b.position();
        int v0 = b.get(p) & 0xFF;
        if ((v0 >> 6) != 2) return false;
        int offset = RtpPacket.HEADER + 4 * (v0 & 0x0F);
        if ((v0 & 0x10) != 0) {
            if (len < offset + 4) return false;
            offset += 4 + 4 * (b.getShort(p + offset + 2) & 0xFFFF);
        }
        int end = len;
        if ((v0 & 0x20) != 0) end -= b.get(p + len - 1) & 0xFF;
        if (end < offset) return false;
        payloadType = b.get(p + 1) & 0x7F;
        sequence = b.getShort(p + 2) & 0xFFFF;
        timestamp = b.getInt(p + 4) & 0xFFFFFFFFL;
        payloadOffset = p + offset;
        payloadLength = end - offset;
        return true;
    }
}
