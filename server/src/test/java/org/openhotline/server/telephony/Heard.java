package org.openhotline.server.telephony;

import java.util.concurrent.atomic.AtomicInteger;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.sip.SipCall;

/**
 * What a test caller hears, counted per 20 ms frame: loud frames (the IVR's greeting: it listens for keys by then) and
 * frames of the IVR's 1 kHz voicemail tone, so tests wait on what was heard rather than on a guessed pause.
 */
final class Heard implements MediaListener {
    private final AtomicInteger loud = new AtomicInteger();
    private final AtomicInteger beeps = new AtomicInteger();

    static Heard on(SipCall call) {
        Heard h = new Heard();
        call.media().addListener(h);
        return h;
    }

    @Override
    public void onAudio(short[] frame) {
        boolean isLoud = false;
        for (short s : frame) {
            if (Math.abs(s) > 1500) {
                isLoud = true;
                break;
            }
        }
        if (!isLoud) return;
        loud.incrementAndGet();
        if (dominance(frame, 1000) > 0.8) beeps.incrementAndGet(); // speech never puts this much of a frame in one frequency
    }

    int loud() {
        return loud.get();
    }

    int beeps() {
        return beeps.get();
    }

    /** Share of the frame's power at {@code hz} (Goertzel): about 1 for a pure tone. */
    private static double dominance(short[] pcm, double hz) {
        double coeff = 2 * Math.cos(2 * Math.PI * hz / 8000), s1 = 0, s2 = 0, energy = 0;
        for (short x : pcm) {
            double s = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
            energy += (double) x * x;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return energy == 0 ? 0 : power / (energy * pcm.length / 2.0);
    }
}
