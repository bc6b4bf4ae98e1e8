package org.openhotline.telephony.sip;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's sipp (package sip-tester) against the user agent on loopback, with a scenario from the test resources. */
public final class Sipp {
    public static final String PCAP_DIR = "/usr/share/sip-tester";

    public record Result(int exit, String output) {
        public boolean ok() { return exit == 0; }
    }

    private Sipp() {}

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/sipp"));
    }

    /**
     * Plays {@code scenario} (a resource under /sipp) {@code calls} times, {@code concurrent} at once, at
     * {@code rate} new calls per second, over "u1" (UDP) or "t1" (TCP). {@code holdMs} fills HOLD_MS.
     */
    public static Result run(String scenario, int sipPort, String transport, int calls, int concurrent, int rate, int holdMs)
            throws IOException, InterruptedException {
        return run(scenario, sipPort, transport, calls, concurrent, rate, java.util.Map.of("HOLD_MS", String.valueOf(holdMs)));
    }

    /** Plays {@code scenario} once with each key of {@code words} in it replaced by its value (e.g. PASSWORD, EXPIRES). */
    public static Result once(String scenario, int sipPort, String transport, java.util.Map<String, String> words)
            throws IOException, InterruptedException {
        return run(scenario, sipPort, transport, 1, 1, 1, words);
    }

    private static Result run(String scenario, int sipPort, String transport, int calls, int concurrent, int rate,
                              java.util.Map<String, String> words) throws IOException, InterruptedException {
        String xml;
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        xml = xml.replace("PCAP_DIR", PCAP_DIR);
        for (var w : words.entrySet()) xml = xml.replace(w.getKey(), w.getValue());
        Path dir = Files.createTempDirectory("sipp");
        Path file = dir.resolve(scenario);
        Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
        List<String> cmd = new ArrayList<>(List.of("sipp", "127.0.0.1:" + sipPort, "-sf", file.toString(), "-s", "12345",
                "-i", "127.0.0.1", "-p", String.valueOf(freeUdpPort()), "-mp", String.valueOf(freeUdpPort() & ~1),
                "-t", transport, "-m", String.valueOf(calls), "-l", String.valueOf(concurrent), "-r", String.valueOf(rate),
                "-timeout", "60s", "-nostdin", "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) p.destroyForcibly();
        String errors = Files.exists(dir.resolve("errors.log")) ? Files.readString(dir.resolve("errors.log"), StandardCharsets.ISO_8859_1) : "";
        return new Result(p.exitValue(), new String(out, StandardCharsets.ISO_8859_1) + "\n" + errors);
    }

    /** Starts sipp as a server (a registrar, a phone) on {@code port}, handling one exchange, then exiting; returns once it listens. */
    public static Process serve(String scenario, int port) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sipp");
        Path file = dir.resolve(scenario);
        try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
            Files.write(file, in.readAllBytes());
        }
        Process p = new ProcessBuilder("sipp", "-sf", file.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port), "-t", "u1", "-m", "1",
                "-nostdin", "-timeout", "30s").directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        awaitListening(port);
        return p;
    }

    /**
     * Waits until a sipp listens on UDP {@code port} (the kernel's socket table lists it), so
     * a test does not guess how long the process takes to start on a loaded machine. The table is read rather than the
     * port probed: a probe's own bind could make sipp's fail.
     */
    public static void awaitListening(int port) throws InterruptedException {
        String local = String.format(":%04X", port);
        org.openhotline.telephony.Await.until(() -> {
            try {
                return Files.readAllLines(Path.of("/proc/net/udp")).stream().anyMatch(l -> l.trim().split("\\s+")[1].endsWith(local));
            } catch (IOException e) {
                return false;
            }
        }, "sipp never listened on UDP port " + port);
    }

    public static int freePort() throws IOException {
        return freeUdpPort();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
