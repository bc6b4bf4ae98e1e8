package org.openhotline.wechat.voice;

import java.util.Optional;
import java.util.Set;

/**
 * The speech recogniser a WeChat voice message is given to when WeChat sent no Recognition text. A port: the
 * server fills it with the voice module's ASR. WeChat's voice messages are AMR-NB (8 kHz, {@code Format=amr}) or
 * Speex ({@code speex}); neither is decodable by the JDK, so an implementation names the formats it really
 * decodes and the channel hands it only those — any other voice message gets the polite "not understood" reply.
 */
public interface VoiceTranscriber {
    /** Lower-case WeChat formats this transcriber decodes, e.g. {@code amr}. */
    Set<String> formats();

    /** The recognised text; empty when nothing was understood. Called on a virtual thread, off the callback's. */
    Optional<String> transcribe(byte[] audio, String format);
}
