package org.openhotline.server.wechat.voice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openhotline.voice.audio.PcmAudio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat voice audio (AMR-NB, Speex) to 16 kHz mono PCM through an ffmpeg process, because the JDK decodes neither.
 * The container is forced per format ({@code -f amr} / {@code -f ogg}) and only the pipe protocol is allowed, so an
 * upload can never make ffmpeg read a local file or a URL; output stops at {@code maxSeconds}, the process at
 * {@code timeout}.
 */
public final class FfmpegDecoder {
    private static final Logger log = LoggerFactory.getLogger(FfmpegDecoder.class);
    /** The rate Vosk's models are trained at (Mandarin small and the English test model alike). */
    public static final int RATE = 16000;
    /** WeChat format → ffmpeg demuxer. WeChat's Speex media is taken as Ogg Speex, the one Speex container ffmpeg reads. */
    static final Map<String, String> DEMUXERS = Map.of("amr", "amr", "speex", "ogg");
    private static final int STDERR_KEPT = 400;

    private final String command;
    private final Duration timeout;
    private final int maxSeconds;

    public FfmpegDecoder(String command, Duration timeout, int maxSeconds) {
        this.command = command;
        this.timeout = timeout;
        this.maxSeconds = maxSeconds;
    }

    /**
     * The formats this ffmpeg really decodes: each bundled probe recording (a fifth of a second) is decoded once.
     * Empty when ffmpeg is missing or decodes neither.
     */
    public Set<String> probe() {
        Set<String> formats = new LinkedHashSet<>();
        for (String format : List.of("amr", "speex")) {
            try (InputStream in = FfmpegDecoder.class.getResourceAsStream("/wechat-voice/probe." + format)) {
                if (in != null && decode(in.readAllBytes(), format).isPresent()) formats.add(format);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return formats;
    }

    /** The audio as 16 kHz mono PCM; empty when ffmpeg is missing, fails, finds no audio or overruns the timeout. */
    public Optional<PcmAudio> decode(byte[] audio, String format) {
        String demuxer = DEMUXERS.get(format);
        if (demuxer == null) return Optional.empty();
        Process p;
        try {
            p = new ProcessBuilder(command, "-hide_banner", "-nostdin", "-loglevel", "error", "-protocol_whitelist", "pipe",
                    "-f", demuxer, "-i", "pipe:0", "-map", "0:a:0", "-t", String.valueOf(maxSeconds),
                    "-f", "s16le", "-ac", "1", "-ar", String.valueOf(RATE), "pipe:1").start();
        } catch (IOException e) {
            log.warn("ffmpeg could not be run ({}): {}", command, e.getMessage());
            return Optional.empty();
        }
        Thread.ofVirtual().name("ffmpeg-in").start(() -> feed(p.getOutputStream(), audio));
        CompletableFuture<byte[]> pcm = drain(p.getInputStream(), Integer.MAX_VALUE);
        CompletableFuture<byte[]> errors = drain(p.getErrorStream(), STDERR_KEPT);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(p);
                log.warn("ffmpeg took longer than {} ms on a {} voice message of {} bytes: stopped", timeout.toMillis(), format, audio.length);
                return Optional.empty();
            }
            byte[] out = pcm.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (p.exitValue() != 0 || out.length < 2) {
                String why = new String(errors.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
                log.warn("ffmpeg decoded no audio from a {} voice message of {} bytes (exit {}): {}", format, audio.length, p.exitValue(), why);
                return Optional.empty();
            }
            return Optional.of(PcmAudio.fromLittleEndian(out, 0, out.length & ~1, RATE));
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            stop(p);
            log.warn("ffmpeg's output could not be read: {}", e.toString());
            return Optional.empty();
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static void feed(OutputStream stdin, byte[] audio) {
        try (stdin) {
            stdin.write(audio);
        } catch (IOException e) {
            // ffmpeg stopped reading (bad audio, or the length cap): its exit status says what happened
        }
    }

    /** Reads a stream to its end on a virtual thread (so ffmpeg never blocks on a full pipe), keeping the first {@code keep} bytes. */
    private static CompletableFuture<byte[]> drain(InputStream in, int keep) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-out").start(() -> {
            try (in) {
                byte[] kept = in.readNBytes(keep);
                in.transferTo(OutputStream.nullOutputStream());
                result.complete(kept);
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
