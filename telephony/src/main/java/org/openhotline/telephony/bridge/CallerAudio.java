package org.openhotline.telephony.bridge;

import org.openhotline.telephony.rtp.RtpSession;

/**
 * What the caller of a {@link WaitingCall} hears: music on hold (announcements play over it) or, while talking, the
 * {@link Mixer} of the legs in the call. Hold and talk are called under the waiting call's lock; the mixer is
 * thread-safe (a leader's leg leaves it when it ends, unlocked).
 */
final class CallerAudio {
    private final RtpSession caller;
    private final Mixer mixer = new Mixer();
    private final HoldMusic music;
    private boolean inMix;

    /** {@code holdMusic}: the bureau's recorded music at 8 kHz, or null for the synthetic one. */
    CallerAudio(RtpSession caller, short[] holdMusic) {
        this.caller = caller;
        this.music = new HoldMusic(holdMusic);
        caller.source(music);
    }

    /** True while the caller hears music (waiting, being put through, held during a consultation). */
    boolean onHold() {
        return !inMix;
    }

    /** The caller leaves the mix and hears music (the others in the mix go on hearing each other). */
    void hold() {
        if (inMix) {
            mixer.remove(caller);
            inMix = false;
        }
        caller.source(music);
    }

    /** The caller talks with the mix; an announcement still playing stops. */
    void talk() {
        caller.stopPlayback();
        if (!inMix) {
            mixer.add(caller);
            inMix = true;
        }
    }

    void add(RtpSession leg) {
        mixer.add(leg);
    }

    void remove(RtpSession leg) {
        mixer.remove(leg);
    }

    /** Legs in the mix, the caller's included while talking. */
    int legs() {
        return mixer.size();
    }

    /** The call is over: the caller leaves the mix and hears nothing more from us. */
    void close() {
        if (inMix) mixer.remove(caller);
        caller.source(null);
    }
}
