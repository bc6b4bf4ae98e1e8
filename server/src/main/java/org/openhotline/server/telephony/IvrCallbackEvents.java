package org.openhotline.server.telephony;

import java.nio.file.Path;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.telephony.ivr.IvrEvents;
import org.openhotline.telephony.sip.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's events on the server: a voice message becomes a VOICEMAIL call-back task naming its WAV (agents play it
 * from the task); the rest goes to the log (call ids and node names only, numbers masked).
 */
final class IvrCallbackEvents implements IvrEvents {
    private static final Logger log = LoggerFactory.getLogger(IvrCallbackEvents.class);
    private final Callbacks tasks;

    IvrCallbackEvents(Callbacks tasks) {
        this.tasks = tasks;
    }

    @Override
    public void surveyScore(String callId, String caller, int score) {
        log.info("{}: satisfaction {}", callId, score);
    }

    @Override
    public void voiceMessage(String callId, String caller, Path wav, long millis) {
        log.info("{}: voice message of {} s from {} saved as {}", callId, millis / 1000, Masked.number(caller), wav.getFileName());
        try {
            tasks.create(NewCallback.voicemail(caller, callId, wav.getFileName().toString(), millis));
        } catch (RuntimeException e) {
            log.error("{}: voice message {} kept, but no callback task was made", callId, wav.getFileName(), e);
        }
    }

    @Override
    public void finished(String callId, String lastNode) {
        log.debug("{}: IVR finished at {}", callId, lastNode);
    }
}
