package org.openhotline.telephony.rtp;

import java.util.List;
import org.openhotline.voice.dtmf.DtmfDetector;
import org.openhotline.voice.dtmf.DtmfDigit;

/**
 * One call's keys from its three sources — RFC 4733 events, SIP INFO, tones in the audio — as one press each. A press
 * a peer both signals and plays as a tone arrives twice within a moment: the second report of the same key from the
 * other kind of source is the same press and dropped. The detector runs on the media clock's frames (in-band mode
 * {@link InbandDtmf#ON}, or {@link InbandDtmf#AUTO} until a signalled key arrives).
 */
final class CallKeys {
    private static final long SAME_PRESS_NANOS = 400_000_000L;

    private final InbandDtmf mode;
    private final DtmfDetector detector;     // the clock thread's
    private volatile boolean signalled;      // a key came as RFC 4733 or INFO
    // the last key delivered, until the other kind of source reports it too; guarded by this
    private char lastKey;
    private boolean lastInband;
    private long lastNanos;
    private boolean lastMatched = true;

    CallKeys(InbandDtmf mode) {
        this.mode = mode;
        this.detector = mode == InbandDtmf.OFF ? null : new DtmfDetector(8000);
    }

    boolean listening() {
        return mode == InbandDtmf.ON || (mode == InbandDtmf.AUTO && !signalled);
    }

    /** Tones in a received frame (the clock thread): the keys in it, usually none. */
    List<DtmfDigit> tones(short[] frame) {
        return listening() ? detector.accept(frame) : List.of();
    }

    /** Whether this report is a new press (deliver it) rather than the other source's report of the last one. */
    synchronized boolean isNew(char key, boolean inband) {
        if (!inband) signalled = true;
        long now = System.nanoTime();
        if (!lastMatched && lastKey == key && lastInband != inband && now - lastNanos < SAME_PRESS_NANOS) {
            lastMatched = true;
            return false;
        }
        lastKey = key;
        lastInband = inband;
        lastNanos = now;
        lastMatched = false;
        return true;
    }
}
