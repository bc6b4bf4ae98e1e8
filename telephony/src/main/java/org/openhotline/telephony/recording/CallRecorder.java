package org.openhotline.telephony.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a call as a stereo WAV — left the caller, right what the caller heard (agent, conference, music) — listening
 * on the caller's leg: {@link #onSent} then {@link #onAudio} arrive once per 20 ms tick on the media clock. Frames go
 * into one of three preallocated one-second buffers; full ones are written by {@link RecordingFiles}' writer thread,
 * which patches the WAV header each time, so a crash loses about a second. Nothing is allocated per frame.
 */
public final class CallRecorder implements MediaListener {
    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
    private static final int BUFFERS = 3;
    private static final int BUFFER_BYTES = StereoWavFile.RATE * StereoWavFile.BYTES_PER_FRAME; // one second
    private static final java.util.concurrent.Executor LATE = runnable -> Thread.ofVirtual().name("recording-index").start(runnable);
    /** How long {@link #finish} waits for the writer; tests shorten it. */
    static volatile java.time.Duration finishWait = java.time.Duration.ofSeconds(30);

    private final RecordingFiles files;
    private final RecordingSink sink;
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final Instant started = Instant.now();
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final short[] heard = new short[RtpSession.FRAME];
    private final RecordingFiles.Target target;
    private ByteBuffer current;        // filled on the media clock, under this
    private long droppedFrames;        // frames with no free buffer (the disk fell more than two seconds behind)
    private boolean stopped;
    private volatile StereoWavFile wav; // opened and written on the writer thread only
    private volatile boolean failed;

    private CallRecorder(RecordingFiles files, RecordingSink sink, String callId) {
        this.files = files;
        this.sink = sink;
        for (int i = 0; i < BUFFERS; i++) free.add(ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN));
        this.target = files.target(callId, started);
    }

    /** Starts recording into {@code <dir>/<yyyy-MM-dd>/<call>.wav} (day in China time); never throws, a disk error only logs. */
    public static CallRecorder start(Path dir, RecordingSink sink, String callId, String caller, String skillGroup, String agentId) {
        CallRecorder r = new CallRecorder(new RecordingFiles(dir), sink == null ? RecordingSink.NONE : sink, callId);
        r.meta.put("callId", callId);
        r.meta.put("chatId", null);
        r.meta.put("caller", caller);
        r.meta.put("skillGroup", skillGroup);
        r.meta.put("agent", agentId);
        r.meta.put("started", r.started.toString());
        r.meta.put("channels", Map.of("left", "caller", "right", "heard by the caller (agent, conference, music)"));
        Map<String, Object> first = new LinkedHashMap<>(r.meta);
        RecordingFiles.WRITER.execute(() -> r.open(first));
        return r;
    }

    /** Adds a line to the metadata (a conference, the desk's chat id as "chatId"). */
    public synchronized void note(String key, Object value) {
        meta.put(key, value);
    }

    @Override
    public void onSent(short[] frame) {
        if (frame.length == RtpSession.FRAME) System.arraycopy(frame, 0, heard, 0, RtpSession.FRAME);
    }

    @Override
    public synchronized void onAudio(short[] frame) {
        if (stopped || frame.length != RtpSession.FRAME) return;
        if (current == null && (current = free.poll()) == null) {
            droppedFrames++;
            return;
        }
        for (int i = 0; i < RtpSession.FRAME; i++) current.putShort(frame[i]).putShort(heard[i]);
        if (!current.hasRemaining()) {
            ByteBuffer full = current;
            current = null;
            RecordingFiles.WRITER.execute(() -> write(full));
        }
    }

    /**
     * Stops, writes what is buffered, the final header and the JSON, then tells the sink on this thread (a slow index
     * must not hold up the writer every call's audio goes through). Waits for the writer (a few ms); returns the WAV,
     * or null if it could not be written.
     */
    public Path finish(String endReason) {
        Map<String, Object> last;
        ByteBuffer rest;
        synchronized (this) {
            if (stopped) return null;
            stopped = true;
            meta.put("ended", Instant.now().toString());
            meta.put("endReason", endReason);
            if (droppedFrames > 0) meta.put("droppedMs", droppedFrames * 20);
            last = new LinkedHashMap<>(meta);
            rest = current;
            current = null;
        }
        CompletableFuture<Path> done = new CompletableFuture<>();
        RecordingFiles.WRITER.execute(() -> {
            if (rest != null) write(rest);
            done.complete(close(last));
        });
        Path wav;
        try {
            wav = done.get(finishWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the disk is stuck: the call goes on ending; the index is told when the writer gets there (on its own
            // thread, not the writer's), else the recording would have its JSON and never be listed
            log.warn("recording of call {} not finished yet: {}", target.name(), e.toString());
            done.thenAcceptAsync(late -> {
                if (late != null) files.tell(sink, last, target.relative());
            }, LATE);
            return null;
        }
        if (wav != null) files.tell(sink, last, target.relative());
        return wav;
    }

    // --- the writer thread

    private void open(Map<String, Object> first) {
        try {
            Files.createDirectories(target.wav().getParent());
            wav = StereoWavFile.create(target.wav());
            files.writeMeta(target.partial(), first);
        } catch (IOException e) {
            failed = true;
            log.warn("recording of call {} not started: {}", target.name(), e.toString());
        }
    }

    private void write(ByteBuffer full) {
        try {
            StereoWavFile w = wav;
            if (w != null && !failed) {
                full.flip();
                w.append(full);
            }
        } catch (IOException e) {
            failed = true;
            log.warn("recording of call {} stopped: {}", target.name(), e.toString());
        } finally {
            full.clear();
            free.offer(full);
        }
    }

    private Path close(Map<String, Object> last) {
        StereoWavFile w = wav;
        try {
            if (w == null) return null;
            w.close();
            last.put("durationMs", w.durationMs());
            last.put("file", target.wav().getFileName().toString());
            files.writeMeta(target.json(), last);
            Files.deleteIfExists(target.partial());
        } catch (IOException e) {
            log.warn("recording of call {} not saved: {}", target.name(), e.toString());
            return null;
        } finally {
            RecordingFiles.release(target);
        }
        return target.wav();
    }
}
