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

    /** Every one of {@code listeners}, in order (the desk's call summary and the callback tasks both listen). */
    static IvrEvents all(IvrEvents... listeners) {
        IvrEvents[] ls = listeners.clone();
        return new IvrEvents() {
            @Override public void nodeEntered(String callId, String node) { for (IvrEvents l : ls) l.nodeEntered(callId, node); }
            @Override public void keyPressed(String callId, String node, char key) { for (IvrEvents l : ls) l.keyPressed(callId, node, key); }
            @Override public void surveyScore(String callId, String caller, int score) { for (IvrEvents l : ls) l.surveyScore(callId, caller, score); }
            @Override public void voiceMessage(String callId, String caller, Path wav, long millis) { for (IvrEvents l : ls) l.voiceMessage(callId, caller, wav, millis); }
            @Override public void finished(String callId, String lastNode) { for (IvrEvents l : ls) l.finished(callId, lastNode); }
        };
    }
}
