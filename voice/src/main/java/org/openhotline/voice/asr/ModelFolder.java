package org.openhotline.voice.asr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Vosk model folder must hold, checked before the native loader (which only says "failed"). */
final class ModelFolder {
    private static final Pattern RATE = Pattern.compile("--sample-frequency=(\\d+)");

    private ModelFolder() {}

    /** Null when the folder looks like a Vosk model, else what is wrong. */
    static String problem(Path folder) {
        if (folder == null || folder.toString().isBlank()) return "no speech recognition model configured";
        if (!Files.isDirectory(folder)) return "speech recognition model folder " + folder + " does not exist";
        if (!Files.isRegularFile(folder.resolve("am/final.mdl"))) return folder + " is not a Vosk model (no am/final.mdl)";
        if (!Files.isRegularFile(folder.resolve("conf/mfcc.conf"))) return folder + " is not a Vosk model (no conf/mfcc.conf)";
        return null;
    }

    /** The rate the acoustic model was trained at, from conf/mfcc.conf (16 kHz when not stated). */
    static int sampleRate(Path folder) throws IOException {
        Matcher m = RATE.matcher(Files.readString(folder.resolve("conf/mfcc.conf")));
        return m.find() ? Integer.parseInt(m.group(1)) : 16000;
    }
}
