package org.openhotline.telephony.bridge;

import org.openhotline.telephony.rtp.FrameSource;
import org.openhotline.telephony.rtp.RtpSession;

/**
 * Music on hold, made by code so that nothing needs licensing: a slow, soft arpeggio (C major, A minor, F, G) of
 * sine notes with a bell-like decay and a quiet fifth under each, eight seconds looped. Distinct from the ringback
 * so a caller knows they are queued, not ringing. The bureau's own recording (8 kHz) replaces it when given.
 * One instance per call (it keeps its place in the loop).
 */
final class HoldMusic implements FrameSource {
    static final short[] LOOP = compose();
    private final short[] frame = new short[RtpSession.FRAME];
    private final short[] loop;
    private int position;

    /** The synthetic music. */
    HoldMusic() {
        this(null);
    }

    /** {@code recorded}: 8 kHz samples looped; null or empty: the synthetic music. */
    HoldMusic(short[] recorded) {
        this.loop = recorded == null || recorded.length == 0 ? LOOP : recorded;
    }

    @Override
    public short[] next() {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = loop[position];
            position = (position + 1) % loop.length;
        }
        return frame;
    }

    private static short[] compose() {
        double[][] chords = {{261.63, 329.63, 392.00, 523.25}, {220.00, 261.63, 329.63, 440.00}, {174.61, 220.00, 261.63, 349.23},
                {196.00, 246.94, 293.66, 392.00}};
        int note = 4000; // half a second per note at 8 kHz
        short[] out = new short[chords.length * 4 * note];
        int at = 0;
        for (double[] chord : chords) {
            for (double f : chord) {
                for (int i = 0; i < note; i++) {
                    double t = i / 8000.0;
                    double attack = Math.min(1, i / 80.0);
                    double env = attack * Math.exp(-3.0 * t);
                    double v = Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(2 * Math.PI * chord[0] * t);
                    out[at++] = (short) (3500 * env * v);
                }
            }
        }
        return out;
    }
}
