package org.openhotline.telephony.ivr;

import java.nio.file.Path;

/**
 * What happened in the IVR, for the call log, reports, the callback list and tests. Called on the call's
 * thread; implementations store and return.
 */
public interface IvrEvents {
    default void nodeEntered(String callId, String node) {}

    default void keyPressed(String callId, String node, char key) {}

    default void surveyScore(String callId, String caller, int score) {}

    /** A voice message was left; the caller expects a callback. */
    default void voiceMessage(String callId, String caller, Path wav, long millis) {}

    default void finished(String callId, String lastNode) {}

    IvrEvents NONE = new IvrEvents() {};
}
