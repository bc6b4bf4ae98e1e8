package org.openhotline.telephony.recording;

/**
 * Told about each recording once its WAV and JSON are complete (and about ones the start-up scan recovered), so the
 * server can index it for the console. Called on the thread that finished the call (or ran the start-up scan), never on
 * the media clock or the recording writer.
 */
@FunctionalInterface
public interface RecordingSink {
    RecordingSink NONE = info -> {};

    void saved(RecordingInfo info);
}
