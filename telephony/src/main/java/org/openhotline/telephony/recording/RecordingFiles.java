package org.openhotline.telephony.recording;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where recordings go and how they are named ({@code <dir>/<yyyy-MM-dd>/<call>.wav}, its {@code .json}, and a
 * {@code .json.part} while recording), the one writer thread all recorders share (the media clock never touches the
 * disk), and the start-up scan that finishes what a crash left behind.
 */
public final class RecordingFiles {
    private static final Logger log = LoggerFactory.getLogger(RecordingFiles.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId DAYS = ZoneId.of("Asia/Shanghai");
    static final ExecutorService WRITER = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("recording-writer").daemon().factory());

    private static final int RECOVER_DAYS = 7;
    /** Names handed to recordings not yet closed, across every folder and instance in this process. */
    private static final java.util.Set<Path> RESERVED = new java.util.HashSet<>();

    private final Path dir;

    public RecordingFiles(Path dir) {
        this.dir = dir;
    }

    /** The files of one recording; {@code name} is the call id made safe for a file name. */
    record Target(Path dir, String day, String name) {
        Path wav() { return dir.resolve(day).resolve(name + ".wav"); }
        Path json() { return dir.resolve(day).resolve(name + ".json"); }
        Path partial() { return dir.resolve(day).resolve(name + ".json.part"); }
        String relative() { return day + "/" + name + ".wav"; }
    }

    /**
     * A free name for the call: a second recording of the same call (two transfers) gets "-2", "-3"… The name is
     * reserved for this process until {@link #release}: the file itself is created later on the writer thread, so
     * looking at the disk alone gave two recordings started together the same name (the second one was lost).
     */
    Target target(String callId, Instant started) {
        String day = started.atZone(DAYS).toLocalDate().toString();
        String base = String.valueOf(callId).replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.length() > 120) base = base.substring(0, 120);
        synchronized (RESERVED) {
            Target t = new Target(dir, day, base);
            for (int i = 2; RESERVED.contains(t.wav().toAbsolutePath()) || Files.exists(t.wav()) || Files.exists(t.partial()); i++) {
                t = new Target(dir, day, base + "-" + i);
            }
            RESERVED.add(t.wav().toAbsolutePath());
            return t;
        }
    }

    /** The recording is on disk (or given up): its name no longer needs reserving. */
    static void release(Target t) {
        synchronized (RESERVED) {
            RESERVED.remove(t.wav().toAbsolutePath());
        }
    }

    void writeMeta(Path file, Map<String, Object> meta) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta));
    }

    void tell(RecordingSink sink, Map<String, Object> meta, String relative) {
        try {
            sink.saved(info(meta, relative));
        } catch (RuntimeException e) {
            log.warn("recording {} saved but not indexed: {}", relative, e.toString());
        }
    }

    static RecordingInfo info(Map<String, Object> m, String relative) {
        Object started = m.get("started");
        Object duration = m.get("durationMs");
        return new RecordingInfo(text(m, "callId"), text(m, "chatId"), text(m, "caller"), text(m, "agent"), text(m, "skillGroup"),
                started == null ? Instant.EPOCH : Instant.parse(started.toString()),
                duration instanceof Number n ? n.longValue() : 0, relative, text(m, "endReason"), text(m, "callbackTaskId"));
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    /**
     * Finishes the recordings a crash interrupted (a WAV without its JSON): fixes the WAV header to the audio present,
     * writes the JSON from the {@code .json.part} (end reason "recovered") and tells the sink. Run once at start-up,
     * before calls are taken; looks at the last week's day folders only. Returns how many were recovered.
     */
    public int recover(RecordingSink sink) {
        if (!Files.isDirectory(dir)) return 0;
        List<Path> unfinished = new ArrayList<>();
        // only the last days' folders: a crash is found at the next start, and years of folders need not be walked
        String since = java.time.LocalDate.now(DAYS).minusDays(RECOVER_DAYS).toString();
        try (Stream<Path> days = Files.list(dir)) {
            for (Path day : days.filter(d -> Files.isDirectory(d) && d.getFileName().toString().compareTo(since) >= 0).toList()) {
                try (Stream<Path> s = Files.list(day)) {
                    s.filter(w -> w.getFileName().toString().endsWith(".wav") && !Files.exists(sibling(w, ".json"))).forEach(unfinished::add);
                }
            }
        } catch (IOException e) {
            log.warn("could not scan {} for unfinished recordings: {}", dir, e.toString());
            return 0;
        }
        int n = 0;
        for (Path w : unfinished) {
            try {
                long data = StereoWavFile.repair(w);
                if (data < 0) continue;
                Path part = sibling(w, ".json.part");
                Map<String, Object> meta = Files.exists(part) ? JSON.readValue(part.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {})
                        : new LinkedHashMap<>(Map.of("callId", stem(w)));
                meta.put("durationMs", data / StereoWavFile.BYTES_PER_FRAME * 1000 / StereoWavFile.RATE);
                meta.put("file", w.getFileName().toString());
                meta.putIfAbsent("endReason", "recovered");
                if (meta.get("endReason") == null) meta.put("endReason", "recovered");
                writeMeta(sibling(w, ".json"), meta);
                Files.deleteIfExists(part);
                tell(sink, meta, w.getParent().getFileName() + "/" + w.getFileName());
                n++;
            } catch (IOException | RuntimeException e) {
                log.warn("unfinished recording {} not recovered: {}", w.getFileName(), e.toString());
            }
        }
        if (n > 0) log.info("recovered {} recordings a stop had left unfinished", n);
        return n;
    }

    private static String stem(Path wav) {
        String f = wav.getFileName().toString();
        return f.substring(0, f.length() - 4);
    }

    private static Path sibling(Path wav, String ext) {
        return wav.resolveSibling(stem(wav) + ext);
    }
}
