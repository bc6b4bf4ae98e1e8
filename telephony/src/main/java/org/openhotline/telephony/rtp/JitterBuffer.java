package org.openhotline.telephony.rtp;

import java.util.TreeMap;

/**
 * Reorders incoming audio frames by sequence number and releases one per 20 ms tick after a short prefill, so
 * late or swapped packets still play in order. An empty buffer while the caller is sending is an underrun
 * (an audible gap): it is counted, and the buffer refills before playing again. Not thread-safe: the media
 * engine touches it under the session's lock.
 */
public final class JitterBuffer {
    private final int prefill;
    private final int capacity;
    private final TreeMap<Long, byte[]> frames = new TreeMap<>();
    private long lastSeq = -1;      // extended sequence of the last frame released
    private long highest = -1;      // extended sequence of the newest frame received
    private boolean playing;
    private long underruns, late, overflows, lost;

    public JitterBuffer(int prefillFrames, int capacityFrames) {
        this.prefill = Math.max(1, prefillFrames);
        this.capacity = Math.max(prefill + 1, capacityFrames);
    }

    /** Adds a frame with its 16-bit RTP sequence number; too-late and duplicate frames are dropped. */
    public void put(int seq16, byte[] payload) {
        long seq = extend(seq16);
        if (seq <= lastSeq || frames.containsKey(seq)) {
            late++;
            return;
        }
        highest = Math.max(highest, seq);
        frames.put(seq, payload);
        while (frames.size() > capacity) {
            frames.pollFirstEntry();
            overflows++;
        }
    }

    /** The next frame to play, or null (before prefill, after an underrun, or when the caller sends nothing). */
    public byte[] poll(boolean callerActive) {
        if (!playing) {
            if (frames.size() < prefill) return null;
            playing = true;
        }
        var first = frames.pollFirstEntry();
        if (first == null) {
            playing = false;
            if (callerActive) underruns++;
            return null;
        }
        if (lastSeq >= 0 && first.getKey() > lastSeq + 1) lost += first.getKey() - lastSeq - 1;
        lastSeq = first.getKey();
        return first.getValue();
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
    public int size() { return frames.size(); }
}
