package org.openhotline.telephony.bridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.rtp.RtpSession;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a bridged call — every leg, both directions, mixed — as an 8 kHz WAV with a JSON file of metadata
 * beside it ({@code <dir>/<yyyy-MM-dd>/<call>.wav|.json}), for playback and quality checks. Ticks on the
 * caller leg's media clock, one frame each 20 ms, so the file's time is the call's time.
 */
public final class CallRecorder implements MediaListener {
    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mixer mixer;
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final Instant started = Instant.now();
    private short[] buf = new short[8000 * 60];
    private int length;
    private volatile boolean stopped;

    public CallRecorder(Mixer mixer, String callId, String caller, String skillGroup, String agent) {
        this.mixer = mixer;
        meta.put("callId", callId);
        meta.put("caller", caller);
        meta.put("skillGroup", skillGroup);
        meta.put("agent", agent);
        meta.put("started", started.toString());
    }

    public synchronized void note(String key, Object value) {
        meta.put(key, value);
    }

    @Override
    public void onAudio(short[] callerFrame) {
        if (stopped) return;
        short[] mix = mixer.mixOfAll();
        synchronized (this) {
            if (length + RtpSession.FRAME > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            System.arraycopy(mix, 0, buf, length, RtpSession.FRAME);
            length += RtpSession.FRAME;
        }
    }

    /** Stops and writes the files; returns the WAV's path, or null if it could not be written. */
    public synchronized Path finish(Path dir) {
        stopped = true;
        String day = started.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        String name = String.valueOf(meta.get("callId")).replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Path folder = Files.createDirectories(dir.resolve(day));
            Path wav = folder.resolve(name + ".wav");
            WavFiles.write(wav, new PcmAudio(Arrays.copyOf(buf, length), 8000));
            meta.put("durationMs", length / 8);
            meta.put("file", wav.getFileName().toString());
            Files.writeString(folder.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
            return wav;
        } catch (IOException e) {
            log.warn("recording of call {} not saved: {}", name, e.getMessage());
            return null;
        }
    }
}
