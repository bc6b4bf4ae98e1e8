package org.openhotline.voice.asr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The English Vosk model from Maven Central, unpacked once under target/ and loaded once per test JVM. */
final class EnglishModel {
    private static VoskRecognizer recognizer;

    private EnglishModel() {}

    static synchronized VoskRecognizer recognizer() {
        if (recognizer == null) recognizer = VoskRecognizer.load(folder(), "en");
        return recognizer;
    }

    static Path folder() {
        try {
            return ClasspathModel.unpack(ClasspathModel.ENGLISH, Path.of("target", "vosk-model"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
