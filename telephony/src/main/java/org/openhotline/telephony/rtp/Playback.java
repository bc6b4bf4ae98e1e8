package org.openhotline.telephony.rtp;

import java.util.concurrent.CompletableFuture;

/**
 * One prompt being played to the caller, frame by frame on the media clock. {@link #done()} completes with true
 * when it played to the end and false when it was stopped (barge-in, hang-up).
 */
public final class Playback {
    private final short[] pcm;
    private int position;
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();

    Playback(short[] pcm8k) {
        this.pcm = pcm8k;
    }

    /** Fills {@code frame} with the next 20 ms; false when nothing was left. */
    synchronized boolean next(short[] frame) {
        if (done.isDone()) return false;
        if (position >= pcm.length) {
            done.complete(true);
            return false;
        }
        int n = Math.min(frame.length, pcm.length - position);
        System.arraycopy(pcm, position, frame, 0, n);
        java.util.Arrays.fill(frame, n, frame.length, (short) 0);
        position += n;
        return true;
    }

    public void stop() {
        done.complete(false);
    }

    public CompletableFuture<Boolean> done() {
        return done;
    }

    public boolean playing() {
        return !done.isDone();
    }
}
