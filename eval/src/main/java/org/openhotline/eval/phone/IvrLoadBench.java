package org.openhotline.eval.phone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openhotline.telephony.ivr.IvrEngine;
import org.openhotline.telephony.ivr.IvrParser;
import org.openhotline.telephony.ivr.IvrServices;
import org.openhotline.telephony.rtp.MediaListener;
import org.openhotline.telephony.rtp.MediaStats;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.prompt.Prompts;
import org.openhotline.voice.tts.SpeechSynthesizer;
import org.openhotline.voice.tts.SpeechUnavailableException;

/**
 * N callers at once (sipp, loopback) each speaking for the whole call and pressing 1 every two seconds in an IVR
 * whose menus answer each key with a new recorded prompt. Measures what a caller would notice: 200 OK after the
 * INVITE, the next prompt's first audio after a key, and audio gaps on the way in (jitter-buffer underruns).
 */
public final class IvrLoadBench {
    static final String IVR = """
            name: bench
            language: en
            schedule: [{when: always, node: a}]
            nodes:
              a: {type: menu, prompt: {id: tone-a}, timeout-seconds: 60, retries: 0, choices: {"1": b}}
              b: {type: menu, prompt: {id: tone-b}, timeout-seconds: 60, retries: 0, choices: {"1": a}}
            """;

    public record Result(int calls, int concurrent, int seconds, int sippExit, long answered, double answerP50Ms, double answerP95Ms,
                         double answerMaxMs, int keys, double promptP50Ms, double promptP95Ms, double promptMaxMs, long underruns,
                         long lost, long packetsIn, long dtmfIn, long malformed) {}

    /**
     * Notes when a key arrived and when the next prompt's first sound left. The two prompts carry their identity in
     * the two low bits of every sample (1 or 2), so the new prompt is told from the old even without a gap between.
     */
    private static final class Probe implements MediaListener {
        private final List<Double> latencies;
        private volatile long keyAt;
        private volatile int playing, before = -1;

        Probe(List<Double> latencies) {
            this.latencies = latencies;
        }

        @Override
        public void onDtmf(char key) {
            keyAt = System.nanoTime();
            before = playing;
        }

        @Override
        public void onSent(short[] frame) {
            int kind = frame[0] == 0 && frame[frame.length - 1] == 0 ? 0 : frame[0] & 3;
            playing = kind;
            int b = before;
            if (b >= 0 && kind != 0 && kind != b) {
                before = -1;
                latencies.add((System.nanoTime() - keyAt) / 1e6);
            }
        }
    }

    private IvrLoadBench() {}

    public static Result run(int calls, int concurrent, int seconds, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("hotline-bench-ivr");
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        WavFiles.write(prompts.resolve("tone-a.wav"), tone(440, 3000, 1));
        WavFiles.write(prompts.resolve("tone-b.wav"), tone(660, 3000, 2));
        Path pcap = dir.resolve("call.pcap");
        CallPcap.write(pcap, seconds, 1500, 2000);
        String xml;
        try (InputStream in = IvrLoadBench.class.getResourceAsStream("/bench/ivr-load.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        Path scenario = dir.resolve("ivr-load.xml");
        Files.writeString(scenario, xml.replace("CALL_PCAP", pcap.toString()).replace("CALL_MS", String.valueOf(seconds * 1000 + 200)),
                StandardCharsets.ISO_8859_1);

        List<Double> promptLatencies = Collections.synchronizedList(new ArrayList<>());
        List<MediaStats> stats = Collections.synchronizedList(new ArrayList<>());
        var ivr = IvrParser.read(new ByteArrayInputStream(IVR.getBytes(StandardCharsets.UTF_8)), "bench");
        IvrEngine engine = new IvrEngine(ivr, new IvrServices(null, null, java.util.Map.of(), null, null, null, null), new Prompts(prompts, NO_TTS));
        try (SipUserAgent ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(50000, 59999), call -> {
            call.media().addListener(new Probe(promptLatencies));
            try {
                engine.handle(call);
            } finally {
                stats.add(call.media().stats());
            }
        })) {
            out.printf("%d callers, %d at once, %d s each, against sip:bench@127.0.0.1:%d …%n", calls, concurrent, seconds, ua.port());
            List<String> cmd = List.of("sipp", "127.0.0.1:" + ua.port(), "-sf", scenario.toString(), "-s", "bench", "-i", "127.0.0.1",
                    "-p", String.valueOf(freePort()), "-mp", String.valueOf(freePort() & ~1), "-t", "u1", "-m", String.valueOf(calls),
                    "-l", String.valueOf(concurrent), "-r", String.valueOf(Math.max(1, concurrent / 3)), "-timeout", (seconds * 4 + 60) + "s",
                    "-nostdin", "-trace_err", "-error_file", dir.resolve("sipp-errors.log").toString());
            long allocatedBefore = mediaThreadsAllocated();
            Process sipp = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("sipp.log").toFile()).start();
            if (!sipp.waitFor(seconds * 5L + 120, TimeUnit.SECONDS)) sipp.destroyForcibly();
            long until = System.currentTimeMillis() + 10_000;
            while (ua.activeCalls() > 0 && System.currentTimeMillis() < until) Thread.sleep(50);
            Thread.sleep(200);
            int exit = sipp.exitValue();
            if (exit != 0) out.println("sipp reported failed calls (exit " + exit + "); see " + dir.resolve("sipp.log"));
            List<Double> prompt;
            synchronized (promptLatencies) {
                prompt = new ArrayList<>(promptLatencies);
            }
            Collections.sort(prompt);
            long underruns = 0, lost = 0, in = 0, dtmf = 0, malformed = 0;
            synchronized (stats) {
                for (MediaStats s : stats) {
                    underruns += s.underruns();
                    lost += s.lost();
                    in += s.packetsIn();
                    dtmf += s.dtmfIn();
                    malformed += s.malformed();
                }
            }
            long allocated = mediaThreadsAllocated() - allocatedBefore;
            out.printf("media threads (rtp-io + rtp-clock) allocated %.1f MB, %.0f bytes per packet received%n",
                    allocated / 1e6, in == 0 ? 0.0 : (double) allocated / in);
            var times = ua.answerTimes();
            return new Result(calls, concurrent, seconds, exit, times.count(), times.percentileMillis(50), times.percentileMillis(95),
                    times.percentileMillis(100), prompt.size(), pct(prompt, 50), pct(prompt, 95), prompt.isEmpty() ? 0 : prompt.getLast(),
                    underruns, lost, in, dtmf, malformed);
        }
    }

    /** Bytes the media engine's two threads have allocated so far (the hot path's garbage, IVR listeners included). */
    private static long mediaThreadsAllocated() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet())
            if (t.getName().equals("rtp-io") || t.getName().equals("rtp-clock")) sum += Math.max(0, mx.getThreadAllocatedBytes(t.threadId()));
        return sum;
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)));
    }

    /** A tone whose every sample has {@code mark} (1 or 2) in its two low bits: which prompt is playing. */
    private static PcmAudio tone(int hz, int millis, int mark) {
        short[] s = new short[millis * 8];
        for (int i = 0; i < s.length; i++) s[i] = (short) (((int) (7000 * Math.sin(2 * Math.PI * hz * i / 8000.0)) & ~3) | mark);
        return new PcmAudio(s, 8000);
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The bench's prompts are all recordings; nothing is synthesised. */
    private static final SpeechSynthesizer NO_TTS = new SpeechSynthesizer() {
        public PcmAudio synthesize(String text, Locale language, int sampleRate) {
            throw new SpeechUnavailableException("the IVR benchmark uses recorded prompts only");
        }

        public boolean supports(Locale language) {
            return false;
        }
    };
}
