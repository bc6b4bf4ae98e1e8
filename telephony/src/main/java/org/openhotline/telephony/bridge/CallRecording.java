package org.openhotline.telephony.bridge;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.telephony.recording.CallRecorder;
import org.openhotline.telephony.recording.RecordingSink;
import org.openhotline.telephony.sip.SipCall;

/**
 * The recording of a {@link WaitingCall}: nothing until the first agent answers (a caller who only waited is not
 * recorded), then the caller's leg is recorded until the call closes, with each agent and conference noted. Not
 * thread-safe: the waiting call calls it under its own lock.
 */
final class CallRecording {
    private final SipCall caller;
    private final String group;
    private final Path dir;
    private final RecordingSink sink;
    /** Metadata given before anyone answered (the desk's chat id), written when the recording starts. */
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private CallRecorder recorder;

    CallRecording(SipCall caller, String group, Path dir, RecordingSink sink) {
        this.caller = caller;
        this.group = group;
        this.dir = dir;
        this.sink = sink;
    }

    void note(String key, Object value) {
        notes.put(key, value);
        if (recorder != null) recorder.note(key, value);
    }

    /** An agent talks with the caller now: the first starts the recording, the next ones (transfers) are noted. */
    void agent(String agentId) {
        if (recorder == null) {
            recorder = CallRecorder.start(dir, sink, caller.callId(), caller.caller(), group, agentId);
            notes.forEach(recorder::note);
            caller.media().addListener(recorder);
        } else {
            recorder.note("agent." + Instant.now(), agentId);
        }
    }

    /** Someone joined the call (a three-way call with {@code uri}). */
    void conference(String uri) {
        if (recorder != null) recorder.note("conference", uri);
    }

    /** True once an agent answered: the caller talked to someone. */
    boolean talked() {
        return recorder != null;
    }

    /** The call is over: the recording is written, its end reason saying which side hung up. */
    void finish() {
        if (recorder == null) return;
        caller.media().removeListener(recorder);
        recorder.finish(caller.isEnded() ? "caller_hangup" : "agent_hangup");
    }
}
