package org.openhotline.server.telephony;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openhotline.server.auth.AuthRoutes;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.http.BadRequest;
import org.openhotline.telephony.ivr.IvrLines;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.audio.WavFormatException;
import org.openhotline.voice.prompt.Prompt;
import org.openhotline.voice.prompt.PromptRecordings;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.prompt.RecordingUpload;
import org.openhotline.voice.tts.SpeechUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/admin/telephony/prompts}: the bureau records its own prompts and music on hold from the admin page
 * instead of copying WAVs onto the server. ADMIN only (AdminApiGate). Lists every prompt id the IVRs use plus
 * {@value #HOLD_MUSIC}; PUT stores an upload (checked, 8 kHz mono), DELETE goes back to TTS, GET …/audio plays the
 * recording or the TTS rendering. Changes are heard on the next playback; each is logged on the audit logger.
 */
public final class PromptAdmin {
    static final String HOLD_MUSIC = "hold-music";
    private static final Logger audit = LoggerFactory.getLogger("org.openhotline.audit");

    private final IvrLines lines;
    private final Prompts prompts;
    private final PromptRecordings recordings;
    private final Locale language;

    /** {@code language}: the default IVR's, for {@value #HOLD_MUSIC} and recordings no IVR uses. */
    public PromptAdmin(IvrLines lines, Prompts prompts, Locale language) {
        this.lines = lines;
        this.prompts = prompts;
        this.recordings = new PromptRecordings(prompts);
        this.language = language;
    }

    /** The music on hold the bridge plays: the recording {@value #HOLD_MUSIC} at 8 kHz, or null (the synthetic music). */
    public static short[] holdMusic(Prompts prompts, Locale language) {
        Prompt p = Prompt.recorded(HOLD_MUSIC, null, language);
        return prompts.recorded(p) ? prompts.audio(p, 8000).samples() : null;
    }

    public void register(Javalin app) {
        app.get("/api/admin/telephony/prompts", this::list);
        app.put("/api/admin/telephony/prompts/{id}", this::upload);
        app.delete("/api/admin/telephony/prompts/{id}", this::delete);
        app.get("/api/admin/telephony/prompts/{id}/audio", this::audio);
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id);
            m.put("text", e.text);
            m.put("language", e.language.getLanguage());
            m.put("ivrs", e.ivrs);
            m.put("recorded", prompts.recorded(e.prompt()));
            out.add(m);
        }
        Map<String, String> numbers = new LinkedHashMap<>();
        lines.lines().forEach((number, engine) -> numbers.put(number, engine.definition().name()));
        ctx.json(Map.of("count", out.size(), "prompts", out, "lines", numbers, "defaultIvr", lines.engineFor(null).definition().name(),
                "maxBytes", RecordingUpload.MAX_BYTES, "maxSeconds", RecordingUpload.MAX_SECONDS));
    }

    private void upload(Context ctx) throws IOException {
        String id = id(ctx);
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("audio/") && !type.startsWith("application/octet-stream")) {
            throw new BadRequest(415, "not_wav", "send the recording as the body with Content-Type audio/wav");
        }
        PcmAudio stored;
        try {
            stored = recordings.store(id, body(ctx));
        } catch (WavFormatException e) {
            throw new BadRequest(400, "bad_wav", e.getMessage());
        }
        audit.info("prompt recording {} uploaded by {} ({} ms)", id, who(ctx), stored.durationMillis());
        ctx.json(Map.of("id", id, "recorded", true, "durationMs", stored.durationMillis()));
    }

    private void delete(Context ctx) throws IOException {
        String id = id(ctx);
        if (!recordings.delete(id)) throw new BadRequest(404, "no_recording", "prompt " + id + " has no recording");
        audit.info("prompt recording {} deleted by {}", id, who(ctx));
        ctx.status(204);
    }

    private void audio(Context ctx) throws IOException {
        String id = id(ctx);
        Optional<Path> file = recordings.find(id);
        byte[] wav;
        if (file.isPresent()) {
            wav = Files.readAllBytes(file.get());
        } else {
            Entry e = entries().stream().filter(x -> x.id.equals(id) || (x.id + "." + x.language.getLanguage()).equals(id)).findFirst()
                    .orElseThrow(() -> new BadRequest(404, "no_prompt", "no IVR uses prompt " + id + " and it has no recording"));
            if (e.text == null) throw new BadRequest(404, "no_recording", "prompt " + id + " has no recording and no text (" + HOLD_MUSIC + ": the synthetic music plays)");
            try {
                wav = WavFiles.toBytes(prompts.audio(e.prompt(), 8000));
            } catch (SpeechUnavailableException x) {
                throw new BadRequest(503, "tts_unavailable", x.getMessage());
            }
        }
        ctx.header("Cache-Control", "no-store").contentType("audio/wav").result(wav);
    }

    /** The IVRs' prompt ids, then {@value #HOLD_MUSIC}, then recordings in the folder that no IVR uses (still deletable). */
    private List<Entry> entries() throws IOException {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (IvrLines.PromptUse u : lines.prompts()) {
            byId.computeIfAbsent(u.id() + "@" + u.language(), k -> new Entry(u.id(), u.text(), u.language(), new ArrayList<>())).ivrs.add(u.ivr());
        }
        if (byId.values().stream().noneMatch(x -> x.id.equals(HOLD_MUSIC))) byId.put(HOLD_MUSIC, new Entry(HOLD_MUSIC, null, language, new ArrayList<>()));
        Path folder = prompts.folder();
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wav")).sorted().forEach(n -> {
                    String id = n.substring(0, n.length() - 4);
                    String base = id.replaceFirst("\\.(zh|en)$", "");
                    boolean known = byId.values().stream().anyMatch(x -> x.id.equals(base));
                    if (!known && id.matches("[A-Za-z0-9_-]{1,64}(\\.(zh|en))?")) byId.put(id, new Entry(id, null, language, new ArrayList<>()));
                });
            }
        }
        return List.copyOf(byId.values());
    }

    private static String id(Context ctx) {
        try {
            return PromptRecordings.checkId(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_id", e.getMessage());
        }
    }

    private static byte[] body(Context ctx) {
        // read here, not through ctx.body(): a recording may exceed server.max-body-kb up to 10 MB
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] b = in.readNBytes(RecordingUpload.MAX_BYTES + 1);
            if (b.length > RecordingUpload.MAX_BYTES) {
                throw new BadRequest(413, "body_too_large", "a recording may be at most " + RecordingUpload.MAX_BYTES / (1024 * 1024) + " MB");
            }
            return b;
        } catch (IOException e) {
            throw new BadRequest(400, "bad_body", "the upload could not be read: " + e.getMessage());
        }
    }

    private static String who(Context ctx) {
        if (AuthRoutes.byAdminToken(ctx)) return "the admin token";
        return Gate.current(ctx).map(a -> a.username()).orElse("an unknown account");
    }

    private record Entry(String id, String text, Locale language, List<String> ivrs) {
        Prompt prompt() {
            return Prompt.recorded(id, text, language);
        }
    }
}
