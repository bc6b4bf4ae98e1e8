package org.openhotline.telephony.bridge;

import org.openhotline.telephony.rtp.FrameSource;
import org.openhotline.telephony.rtp.RtpSession;

/**
 * The Chinese ringback tone (450 Hz, one second on, four off), made by code: what an agent hears on their own phone
 * while a {@link CallBack} rings the citizen, so they know the number is ringing rather than a dead line.
 */
final class Ringback implements FrameSource {
    private static final int RATE = 8000, ON = RATE, PERIOD = 5 * RATE;
    private final short[] frame = new short[RtpSession.FRAME];
    private int position;

    @Override
    public short[] next() {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = position < ON ? (short) (6000 * Math.sin(2 * Math.PI * 450 * position / RATE)) : 0;
            position = (position + 1) % PERIOD;
        }
        return frame;
    }
}
