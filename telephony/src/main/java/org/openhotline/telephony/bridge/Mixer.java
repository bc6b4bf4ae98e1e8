package org.openhotline.telephony.bridge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.rtp.RtpSession;

/**
 * Joins call legs so that each hears the sum of the others: two legs are a bridge, three a three-way call. Every
 * leg's latest received frame is kept; each leg's outgoing audio is pulled on the media clock as the mix of the
 * other legs' latest frames, so there is no queue to grow and at most one frame (20 ms) of added delay. Each leg
 * owns its buffers (all legs run on the one media clock thread), so mixing allocates nothing per tick.
 */
public final class Mixer {
    private final List<Leg> legs = new CopyOnWriteArrayList<>();

    private final class Leg implements MediaListener {
        final RtpSession media;
        final short[] latest = new short[RtpSession.FRAME];
        final int[] sum = new int[RtpSession.FRAME];
        final short[] out = new short[RtpSession.FRAME];

        Leg(RtpSession media) {
            this.media = media;
        }

        @Override
        public void onAudio(short[] frame) {
            if (frame.length == RtpSession.FRAME) System.arraycopy(frame, 0, latest, 0, RtpSession.FRAME);
        }

        /** The other legs' latest frames summed and clipped, in this leg's own buffer (sent at once by the clock). */
        short[] mixOfOthers() {
            java.util.Arrays.fill(sum, 0);
            for (Leg other : legs) {
                if (other == this) continue;
                short[] f = other.latest;
                for (int i = 0; i < sum.length; i++) sum[i] += f[i];
            }
            for (int i = 0; i < sum.length; i++) out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
            return out;
        }
    }

    public void add(RtpSession media) {
        Leg leg = new Leg(media);
        legs.add(leg);
        media.addListener(leg);
        media.source(leg::mixOfOthers);
    }

    public void remove(RtpSession media) {
        for (Leg leg : legs) {
            if (leg.media == media) {
                legs.remove(leg);
                media.removeListener(leg);
                media.source(null);
            }
        }
    }

    public int size() {
        return legs.size();
    }
}
