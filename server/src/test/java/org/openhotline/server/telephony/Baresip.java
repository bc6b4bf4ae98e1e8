package org.openhotline.server.telephony;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/**
 * Debian's baresip as an agent's softphone: answers every call at once, speaks a steady tone from a WAV file,
 * and (sndfile module) writes what it heard to a WAV in its folder when the call ends. A copy of the telephony
 * module's test helper (modules do not share test classes).
 */
public final class Baresip implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/baresip"));
    }

    public Baresip(Path dir, int toneHz) throws IOException, InterruptedException {
        this(dir, toneHz, null, 0);
    }

    /** As a caller: dials {@code target} at start and quits after {@code seconds}. */
    public static Baresip calling(Path dir, int toneHz, String target, int seconds) throws IOException, InterruptedException {
        return new Baresip(dir, toneHz, target, seconds);
    }

    /** Waits until a calling baresip has quit (its dumps are complete then). */
    public void awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private Baresip(Path dir, int toneHz, String dial, int seconds) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        int rtp = 40000 + 2 * (int) (Math.random() * 10000);
        short[] tone = new short[8000 * 60];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * toneHz * i / 8000.0));
        WavFiles.write(dir.resolve("voice.wav"), new PcmAudio(tone, 8000));
        Files.writeString(dir.resolve("config"), String.join("\n", List.of(
                "sip_listen 127.0.0.1:" + port, "net_interface 127.0.0.1", "module_path /usr/lib/baresip/modules",
                "module g711.so", "module aufile.so", "module aubridge.so", "module sndfile.so", "module_app account.so", "module_app menu.so",
                "audio_player aubridge,agent", "audio_source aufile," + dir.resolve("voice.wav"), "snd_path " + dir,
                "rtp_ports " + rtp + "-" + (rtp + 20), "")));
        Files.writeString(dir.resolve("accounts"), "<sip:agent@127.0.0.1:" + port + ">;regint=0;answermode=auto;audio_codecs=PCMU,PCMA\n");
        List<String> cmd = new java.util.ArrayList<>(List.of("baresip", "-f", dir.toString()));
        if (dial != null) cmd.addAll(List.of("-e", "/dial " + dial, "-t", String.valueOf(seconds)));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        for (int i = 0; i < 50 && !Files.readString(dir.resolve("baresip.log")).contains("baresip is ready"); i++) Thread.sleep(100);
    }

    public String uri() {
        return "sip:agent@127.0.0.1:" + port;
    }

    /** What the agent heard on its last call (the sndfile module's decode dump). */
    public PcmAudio heard() throws IOException {
        try (var files = Files.list(dir)) {
            Path dec = files.filter(p -> p.getFileName().toString().endsWith("-dec.wav")).sorted().reduce((a, b) -> b).orElseThrow();
            return WavFiles.read(dec);
        }
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("baresip.log"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
