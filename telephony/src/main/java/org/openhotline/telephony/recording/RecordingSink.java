package org.openhotline.telephony.recording;

/**
 * Told about each recording once its WAV and JSON are complete (and about ones the start-up scan recovered), so the
 * server can index it for the console. Called on the recording writer's thread; an implementation should not block long.
 */
@FunctionalInterface
public interface RecordingSink {
    RecordingSink NONE = info -> {};

    void saved(RecordingInfo info);
}
