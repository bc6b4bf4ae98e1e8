package org.openhotline.voice.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.tts.SpeechSynthesizer;
import org.openhotline.voice.tts.SpeechUnavailableException;

/**
 * The audio for a prompt: a recorded WAV in the prompt folder when one exists for its id (the bureau's own voice
 * wins over TTS), else its text synthesised (cached). A recording is looked up as {@code <id>.<language>.wav}
 * then {@code <id>.wav}, read once per rate and file version (its modification time: a replaced file is heard on the
 * next playback) and kept until {@link #forget} (the admin page's upload and delete call it); any WAV rate or encoding
 * is converted. An unreadable recording falls back to the text when there is one (logged), else fails clearly.
 */
public final class Prompts {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Prompts.class);
    private final Path folder;
    private final SpeechSynthesizer speech;
    private final Map<String, PcmAudio> recordings = new ConcurrentHashMap<>();

    /** {@code folder} may be null (no recordings); {@code speech} should be a {@link PromptCache}. */
    public Prompts(Path folder, SpeechSynthesizer speech) {
        this.folder = folder;
        this.speech = speech;
    }

    public PcmAudio audio(Prompt prompt, int sampleRate) {
        if (prompt.id() != null && folder != null) {
            Path file = recording(prompt);
            if (file != null) {
                try {
                    String version = file + "@" + modified(file) + "@";
                    PcmAudio kept = recordings.get(version + sampleRate);
                    if (kept != null) return kept;
                    recordings.keySet().removeIf(k -> k.startsWith(file + "@") && !k.startsWith(version)); // a replaced file's old audio
                    return recordings.computeIfAbsent(version + sampleRate, k -> read(file, sampleRate));
                } catch (SpeechUnavailableException e) {
                    if (prompt.text() == null || prompt.text().isBlank()) throw e;
                    LOG.warn("{}; speaking the prompt's text instead", e.getMessage());
                }
            }
        }
        if (prompt.text() == null || prompt.text().isBlank()) {
            throw new SpeechUnavailableException("no recording " + prompt.id() + ".wav in " + folder + " and no text to speak instead");
        }
        return speech.synthesize(prompt.text(), prompt.language(), sampleRate);
    }

    /** The folder of recordings, or null when there is none. */
    public Path folder() {
        return folder;
    }

    /**
     * Drops the audio kept for recording {@code id} (plain and language-suffixed files), so the next playback reads
     * the folder again: after a recording was uploaded, replaced or deleted.
     */
    public void forget(String id) {
        if (folder == null) return;
        String base = id.replaceFirst("\\.(zh|en)$", "");
        String prefix = folder.resolve(base) + ".";
        recordings.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Whether the prompt will play from a recording. */
    public boolean recorded(Prompt prompt) {
        return prompt.id() != null && folder != null && recording(prompt) != null;
    }

    private Path recording(Prompt prompt) {
        Path localised = folder.resolve(prompt.id() + "." + prompt.language().getLanguage() + ".wav");
        if (Files.isRegularFile(localised)) return localised;
        Path plain = folder.resolve(prompt.id() + ".wav");
        return Files.isRegularFile(plain) ? plain : null;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new SpeechUnavailableException("recorded prompt " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static PcmAudio read(Path file, int sampleRate) {
        try {
            return WavFiles.read(file).at(sampleRate);
        } catch (IOException e) {
            throw new SpeechUnavailableException("recorded prompt " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
