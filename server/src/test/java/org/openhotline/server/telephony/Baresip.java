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
 * and (sndfile module) writes what it heard to a WAV in its folder when the call ends. The same class as the
 * telephony module's test helper of that name, but for the package: telephony builds no test-jar to share it from,
 * so a change to one belongs in both.
 */
public final class Baresip implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/baresip"));
    }

    public Baresip(Path dir, int toneHz) throws IOException, InterruptedException {
        this(dir, toneHz, null, 0, null);
    }

    /** As a caller: dials {@code target} at start and quits after {@code seconds}. */
    public static Baresip calling(Path dir, int toneHz, String target, int seconds) throws IOException, InterruptedException {
        return new Baresip(dir, toneHz, target, seconds, null);
    }

    /**
     * As an agent's softphone registered to OpenHotline's registrar at 127.0.0.1:{@code registrarPort} ("udp" or "tcp") as
     * {@code user} with {@code password}, refreshing every {@code regint} seconds; answers calls at once.
     */
    public static Baresip registering(Path dir, int toneHz, String user, String password, int registrarPort, String transport, int regint)
            throws IOException, InterruptedException {
        String aor = "sip:" + user + "@127.0.0.1:" + registrarPort + ("tcp".equals(transport) ? ";transport=tcp" : "");
        return new Baresip(dir, toneHz, null, 0, "<" + aor + ">;auth_pass=" + password + ";regint=" + regint);
    }

    /** Waits until a calling baresip has quit (its dumps are complete then). */
    public void awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** {@code account}: the account line's address and registration part; null = "agent" on its own port, not registering. */
    private Baresip(Path dir, int toneHz, String dial, int seconds, String account) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        short[] tone = new short[8000 * 60];
        for (int i = 0; i < tone.length; i++) tone[i] = (short) (8000 * Math.sin(2 * Math.PI * toneHz * i / 8000.0));
        WavFiles.write(dir.resolve("voice.wav"), new PcmAudio(tone, 8000));
        // baresip also binds TCP and TLS next to its UDP port; one of those can be taken by another process on a busy
        // machine ("init failed (Address already in use)"), so a start that fails that way is retried on another port
        int p;
        Process started;
        int attempt = 0;
        do {
            p = freePort();
            started = start(dir, p, dial, seconds, account);
        } while (++attempt < 4 && couldNotBind(dir, started));
        this.port = p;
        this.process = started;
    }

    /** Whether that start failed on a taken port (the process is stopped then). */
    private static boolean couldNotBind(Path dir, Process started) throws IOException, InterruptedException {
        if (!Files.readString(dir.resolve("baresip.log")).contains("Address already in use")) return false;
        started.destroy();
        started.waitFor(5, TimeUnit.SECONDS);
        return true;
    }

    private static Process start(Path dir, int port, String dial, int seconds, String account) throws IOException, InterruptedException {
        int rtp = 40000 + 2 * (int) (Math.random() * 10000);
        Files.writeString(dir.resolve("config"), String.join("\n", List.of(
                "sip_listen 127.0.0.1:" + port, "net_interface 127.0.0.1", "module_path /usr/lib/baresip/modules",
                "module g711.so", "module aufile.so", "module aubridge.so", "module sndfile.so", "module_app account.so", "module_app menu.so",
                "audio_player aubridge,agent", "audio_source aufile," + dir.resolve("voice.wav"), "snd_path " + dir,
                "rtp_ports " + rtp + "-" + (rtp + 20), "")));
        String address = account != null ? account : "<sip:agent@127.0.0.1:" + port + ">;regint=0";
        Files.writeString(dir.resolve("accounts"), address + ";answermode=auto;audio_codecs=PCMU,PCMA\n");
        List<String> cmd = new java.util.ArrayList<>(List.of("baresip", "-f", dir.toString()));
        if (dial != null) cmd.addAll(List.of("-e", "/dial " + dial, "-t", String.valueOf(seconds)));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        for (int i = 0; i < 50 && process.isAlive() && !Files.readString(dir.resolve("baresip.log")).contains("baresip is ready"); i++) {
            Thread.sleep(100);
        }
        if (!process.isAlive()) process.waitFor(2, TimeUnit.SECONDS);
        return process;
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

    /** Whether baresip has logged {@code text} so far (false when the log cannot be read). */
    public boolean logContains(String text) {
        try {
            return log().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops baresip at once (SIGKILL), as a crashed phone or a lost network would: it cannot unregister. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
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
