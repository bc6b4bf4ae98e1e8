package org.openhotline.telephony.rtp;

/**
 * Live audio a call plays when no prompt is playing: the other leg of a bridge, a conference mix. Pulled once per
 * 20 ms tick on the media clock, so it must return at once; null means silence.
 */
@FunctionalInterface
public interface FrameSource {
    short[] next();
}
