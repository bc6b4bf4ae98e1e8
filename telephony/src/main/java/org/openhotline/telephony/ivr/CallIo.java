package org.openhotline.telephony.ivr;

import java.time.Duration;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.prompt.Prompt;

/**
 * What the IVR does with a live call, in blocking steps on the call's own virtual thread. Every method throws
 * {@link CallEndedException} once the caller has hung up.
 */
public interface CallIo {
    String callId();

    /** The caller's number as signalled (From). */
    String caller();

    /** Plays a prompt; a key or the caller starting to speak stops it (barge-in). Returns the key, or 0. */
    char play(Prompt prompt);

    /** Plays raw 8 kHz audio (a beep) without barge-in. */
    void play(PcmAudio audio);

    /** The next key within {@code timeout}, or 0. */
    char key(Duration timeout);

    /** Digits until '#', {@code max} digits, or {@code timeout} without a key; {@code first} is a key already pressed (0 if none). */
    String digits(char first, int max, Duration timeout);

    /**
     * Hands the caller's audio, frame by frame on this thread, to {@code sink} until they have spoken and stopped
     * (VAD), or nothing was said within {@code noSpeech}, or {@code max} passed, or a key was pressed. Returns the key or 0.
     */
    char listen(java.util.function.Consumer<short[]> sink, Duration noSpeech, Duration max);

    /** Records the caller until '#', {@code max}, or a long silence after speech; 8 kHz. */
    PcmAudio record(Duration max);

    /** Forgets keys pressed ahead (before a new question). */
    void clearKeys();

    boolean ended();

    /** The SIP call underneath, for the bridge. */
    org.openhotline.telephony.sip.SipCall sipCall();

    void hangup();
}
