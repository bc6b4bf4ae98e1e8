package org.openhotline.telephony.rtp;

import java.nio.ByteBuffer;

/**
 * Reorders incoming audio frames by sequence number and releases one per 20 ms tick after a short prefill, so
 * late or swapped packets still play in order. An empty buffer while the caller is sending is an underrun
 * (an audible gap): it is counted, and the buffer refills before playing again. Frames live in preallocated slots
 * (a ring indexed by sequence number), so a packet costs a copy and no allocation. Not thread-safe: the media
 * engine touches it under the session's lock.
 */
public final class JitterBuffer {
    private static final int TYPICAL_PAYLOAD = 241; // 20 ms of G.711 and its codec tag; larger frames grow their slot once

    /** A buffered frame: its bytes, how many are valid, and the tag given with them. Valid until the next put. */
    public static final class Slot {
        private byte[] data = new byte[TYPICAL_PAYLOAD];
        private int length;
        private int tag;
        private long seq = -1; // extended sequence number; -1 = empty

        public byte[] data() { return data; }
        public int length() { return length; }
        public int tag() { return tag; }
    }

    private final int prefill;
    private final Slot[] slots;
    private int size;
    private long lastSeq = -1;      // extended sequence of the last frame released
    private long highest = -1;      // extended sequence of the newest frame received
    private boolean playing;
    private long underruns, late, overflows, lost;

    public JitterBuffer(int prefillFrames, int capacityFrames) {
        this.prefill = Math.max(1, prefillFrames);
        this.slots = new Slot[Math.max(prefill + 1, capacityFrames)];
        for (int i = 0; i < slots.length; i++) slots[i] = new Slot();
    }

    /** Adds a frame (a copy of {@code length} bytes from {@code offset}); too-late and duplicate frames are dropped. */
    public void put(int seq16, ByteBuffer src, int offset, int length, int tag) {
        long seq = extend(seq16);
        Slot s = slots[(int) Math.floorMod(seq, (long) slots.length)];
        if (seq <= lastSeq || s.seq == seq) {
            late++;
            return;
        }
        if (s.seq > seq) { // a frame a whole buffer newer holds the place: this one would be dropped as the oldest
            overflows++;
            return;
        }
        if (s.seq >= 0) { // full: the oldest frame makes room
            overflows++;
            size--;
        }
        highest = Math.max(highest, seq);
        if (s.data.length < length) s.data = new byte[length];
        src.get(offset, s.data, 0, length);
        s.length = length;
        s.tag = tag;
        s.seq = seq;
        size++;
    }

    /** {@link #put(int, ByteBuffer, int, int, int)} of a whole array, tag 0. */
    public void put(int seq16, byte[] payload) {
        put(seq16, ByteBuffer.wrap(payload), 0, payload.length, 0);
    }

    /** The next frame to play (valid until the next put), or null (before prefill, after an underrun, or when the caller sends nothing). */
    public Slot poll(boolean callerActive) {
        if (!playing) {
            if (size < prefill) return null;
            playing = true;
        }
        Slot first = null;
        for (Slot s : slots) if (s.seq >= 0 && (first == null || s.seq < first.seq)) first = s;
        if (first == null) {
            playing = false;
            if (callerActive) underruns++;
            return null;
        }
        if (lastSeq >= 0 && first.seq > lastSeq + 1) lost += first.seq - lastSeq - 1;
        lastSeq = first.seq;
        first.seq = -1;
        size--;
        return first;
    }

    private long extend(int seq16) {
        if (highest < 0) return seq16;
        long base = highest & ~0xFFFFL;
        long candidate = base | seq16;
        if (candidate < highest - 0x8000) candidate += 0x10000;
        else if (candidate > highest + 0x8000 && candidate >= 0x10000) candidate -= 0x10000;
        return candidate;
    }

    public long underruns() { return underruns; }
    public long late() { return late; }
    public long overflows() { return overflows; }
    public long lost() { return lost; }
    public int size() { return size; }
}
