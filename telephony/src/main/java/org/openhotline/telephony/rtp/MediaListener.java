package org.openhotline.telephony.rtp;

/**
 * What a call's media tells its owner: 20 ms frames of 8 kHz linear audio each way and keys pressed. Called on
 * the media engine's threads, so an implementation hands heavy work (ASR, disk) to its own thread and returns.
 * Frames are the engine's reused buffers (no allocation per frame): read them during the call, copy what you keep.
 */
public interface MediaListener {
    /** A frame the caller sent, in order, after the jitter buffer. */
    default void onAudio(short[] frame) {}

    /** A frame just sent to the caller (prompts, the agent's voice), for recording. */
    default void onSent(short[] frame) {}

    /** A key, once per press, whether it came as an RFC 4733 event or as SIP INFO. */
    default void onDtmf(char key) {}
}
