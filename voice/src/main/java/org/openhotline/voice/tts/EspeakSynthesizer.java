package org.openhotline.voice.tts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/**
 * Mandarin (and English) through the espeak-ng program, one process per utterance writing WAV to its standard
 * output. Mandarin goes in as tone-numbered pinyin to the {@code cmn-latn-pinyin} voice: espeak-ng's own Chinese
 * text front end ({@code -v cmn}) reads many characters wrongly, HanLP's pinyin (with word context for
 * polyphones) does not. Thread-safe: processes are independent.
 */
public final class EspeakSynthesizer implements SpeechSynthesizer {
    /** What to do when the program is missing, in every such message. */
    public static final String INSTALL_HINT = "install it with `apt-get install espeak-ng` (Debian/Ubuntu) or set voice.tts.espeak-command";
    private static final long TIMEOUT_SECONDS = 20;

    private final String command;
    private final int wordsPerMinute;

    public EspeakSynthesizer(String command, int wordsPerMinute) {
        this.command = command;
        this.wordsPerMinute = wordsPerMinute;
    }

    public EspeakSynthesizer() {
        this("espeak-ng", 165);
    }

    /** Null when the program runs, else a sentence saying what is missing and how to install it. */
    public String problem() {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : command + " --version failed; " + INSTALL_HINT;
        } catch (IOException e) {
            return command + " (espeak-ng) is not installed, so Mandarin prompts cannot be spoken; " + INSTALL_HINT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public PcmAudio synthesize(String text, Locale language, int sampleRate) {
        if (!supports(language)) throw new SpeechUnavailableException("espeak-ng is set up for Mandarin and English, not " + language);
        boolean mandarin = "zh".equals(language.getLanguage());
        String input = mandarin ? PinyinText.of(text) : text;
        String voice = mandarin ? "cmn-latn-pinyin" : "en-us";
        return run(List.of(command, "-v", voice, "-s", String.valueOf(wordsPerMinute), "--stdout", "--stdin"), input).at(sampleRate);
    }

    private PcmAudio run(List<String> argv, String input) {
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new SpeechUnavailableException(command + " (espeak-ng) is not installed or not runnable (" + e.getMessage() + "); " + INSTALL_HINT, e);
        }
        try {
            CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
            CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) throw new SpeechUnavailableException("espeak-ng took over " + TIMEOUT_SECONDS + " s");
            byte[] wav = stdout.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (process.exitValue() != 0 || wav.length == 0) {
                throw new SpeechUnavailableException("espeak-ng failed (exit " + process.exitValue() + "): " + new String(stderr.get(), StandardCharsets.UTF_8).strip());
            }
            return WavFiles.parse(wav);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new SpeechUnavailableException("espeak-ng failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechUnavailableException("interrupted while speaking", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                result.complete(stream.readAllBytes());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public boolean supports(Locale language) {
        return "zh".equals(language.getLanguage()) || "en".equals(language.getLanguage());
    }
}
