package org.openhotline.voice.prompt;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/**
 * The recordings in the prompt folder as the admin page manages them: {@code <id>.wav}, written whole or not at all
 * (a call never reads half a file), converted to 8 kHz mono ({@link RecordingUpload}), and forgotten by
 * {@link Prompts} at once so the next call hears the change without a restart.
 */
public final class PromptRecordings {
    private final Prompts prompts;
    private final Path folder;

    /** {@code prompts} must have a folder ({@code voice.prompts-dir}). */
    public PromptRecordings(Prompts prompts) {
        if (prompts.folder() == null) throw new IllegalArgumentException("recordings need a prompt folder");
        this.prompts = prompts;
        this.folder = prompts.folder();
    }

    /**
     * {@code id} when it can name a recording: letters, digits, '-', '_' (up to 64), optionally ".zh" or ".en" for one
     * language; never a path. Else an {@link IllegalArgumentException} saying so.
     */
    public static String checkId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}(\\.(zh|en))?")) {
            throw new IllegalArgumentException("a prompt id is letters, digits, '-' and '_' (at most 64), optionally ending in .zh or .en");
        }
        return id;
    }

    /** Validates, converts and stores the upload as {@code <id>.wav}, replacing any earlier one; the audio stored. */
    public PcmAudio store(String id, byte[] wav) throws IOException {
        Path file = file(checkId(id));
        PcmAudio audio = RecordingUpload.convert(wav);
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, ".upload-", ".tmp");
        try {
            Files.write(tmp, WavFiles.toBytes(audio));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        prompts.forget(id);
        return audio;
    }

    /** Removes {@code <id>.wav} (the prompt is spoken by TTS again); false when there was none. */
    public boolean delete(String id) throws IOException {
        boolean gone = Files.deleteIfExists(file(checkId(id)));
        prompts.forget(id);
        return gone;
    }

    /** The recording of {@code id}, if one exists. */
    public Optional<Path> find(String id) {
        Path f = file(checkId(id));
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    private Path file(String id) {
        return folder.resolve(id + ".wav");
    }
}
