package org.openhotline.voice.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.audio.WavFiles;

/**
 * The detector on real Mandarin speech (FireRedASR's test clips) at telephone rate, set to a telephone speech level
 * and placed between stretches of white line noise (signal-to-noise 24 and 14 dB, and a quiet talker).
 */
class VoiceActivityDetectorTest {
    private static final Path CLIPS = Path.of("/work/shared/datasets/speech-zh-firered");
    private static final int RATE = 8000;
    private static final int FRAME = 160;
    private static final int LEAD_MS = 2000;

    // line noise is never below the recording's own room noise (IT0011's lies near -49 dBFS once at speech level),
    // else the background would stop when the talker does, which no real line does
    @ParameterizedTest(name = "{0} at {1} dBFS speech, noise {2} dBFS")
    @CsvSource({
        "IT0011W0001, -26, -45", "IT0011W0001, -26, -40", "IT0011W0001, -38, -60",
        "BAC009S0764W0121, -26, -50", "BAC009S0764W0121, -26, -40", "BAC009S0764W0121, -38, -60",
        "TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000, -26, -40",
        "TEST_MEETING_T0000000001_S00000, -26, -50", "TEST_MEETING_T0000000001_S00000, -26, -40",
    })
    void findsTheSpeechAndNothingInTheNoise(String clipId, double speechDbfs, double noiseDbfs) throws Exception {
        PcmAudio clip = loudness(WavFiles.read(CLIPS.resolve(clipId + ".wav")).at(RATE), speechDbfs);
        int[] active = activeSpan(clip, speechDbfs);
        PcmAudio line = Signals.concat(PcmAudio.silence(RATE, LEAD_MS), clip, PcmAudio.silence(RATE, 2000));
        line = Signals.mix(line, Signals.noise(RATE, (int) line.durationMillis(), noiseDbfs, clipId.hashCode()));
        int speechFrom = ms(LEAD_MS) + active[0], speechTo = ms(LEAD_MS) + active[1];

        Run run = Run.of(VoiceActivityDetector.create(RATE), line);
        assertFalse(run.starts.isEmpty(), "speech found");
        int firstStart = run.starts.get(0);
        assertTrue(firstStart >= speechFrom - ms(50), "no start in the leading noise: " + millis(firstStart) + " ms, speech at " + millis(speechFrom));
        assertTrue(firstStart <= speechFrom + ms(250), "start heard within 250 ms (barge-in): " + millis(firstStart - speechFrom) + " ms late");
        for (int s : run.starts) assertTrue(s <= speechTo, "no start after the speech: " + millis(s));
        int lastEnd = run.ends.isEmpty() ? Integer.MAX_VALUE : run.ends.get(run.ends.size() - 1);
        assertEquals(run.starts.size(), run.ends.size(), "every start ends");
        int recordingEnd = ms(LEAD_MS) + clip.length(); // breaths and clicks after the nucleus may hold speech on until here
        assertTrue(lastEnd >= speechTo && lastEnd <= recordingEnd + ms(500 + 200),
                "end after the hangover: " + millis(lastEnd - speechTo) + " ms after the speech, " + millis(lastEnd - recordingEnd) + " ms after the recording");
        double covered = run.speechFraction(speechFrom, speechTo);
        assertTrue(covered >= 0.85, "speech flagged over " + Math.round(covered * 100) + " % of the utterance");
    }

    @Test
    void aSilentOrSteadyNoisyLineIsNeverSpeech() {
        for (double noise : new double[] {-90, -60, -40, -30}) {
            PcmAudio line = Signals.noise(RATE, 10_000, noise, 11);
            Run run = Run.of(VoiceActivityDetector.create(RATE), line);
            assertTrue(run.starts.isEmpty(), "noise at " + noise + " dBFS gave speech at " + run.starts);
        }
        Run hum = Run.of(VoiceActivityDetector.create(RATE), Signals.sine(50, RATE, 5000, -10));
        assertTrue(hum.starts.isEmpty(), "50 Hz hum is not speech");
    }

    @Test
    void wideBandAudioToo() throws Exception {
        PcmAudio clip = WavFiles.read(CLIPS.resolve("BAC009S0764W0121.wav")); // 16 kHz as recorded
        PcmAudio line = Signals.mix(Signals.concat(PcmAudio.silence(16000, 2000), Signals.gain(clip, 10), PcmAudio.silence(16000, 1500)),
                Signals.noise(16000, 2000 + (int) clip.durationMillis() + 1500, -50, 12));
        VoiceActivityDetector vad = VoiceActivityDetector.create(16000);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 320 <= line.length(); i += 320) if (vad.accept(line.samples(), i, 320) == VadEvent.SPEECH_START) starts.add(i);
        assertFalse(starts.isEmpty());
        assertTrue(starts.get(0) > 2 * 16000 && starts.get(0) < (2000 + clip.durationMillis()) * 16, "speech found inside the clip: " + starts);
        assertFalse(vad.inSpeech(), "and over by the end of the trailing noise");
    }

    @Test
    void aClickIsNotSpeech() {
        PcmAudio click = Signals.noise(RATE, 30, -6, 2);
        PcmAudio line = Signals.mix(Signals.concat(PcmAudio.silence(RATE, 1000), click, PcmAudio.silence(RATE, 1000)), Signals.noise(RATE, 2030, -60, 3));
        assertTrue(Run.of(VoiceActivityDetector.create(RATE), line).starts.isEmpty());
    }

    @Test
    void noiseGettingLouderIsLearnedWithinSeconds() {
        PcmAudio line = Signals.concat(Signals.noise(RATE, 3000, -60, 4), Signals.noise(RATE, 8000, -35, 5));
        Run run = Run.of(VoiceActivityDetector.create(RATE), line);
        assertTrue(run.starts.size() <= 1, "at most one false start at the step");
        if (!run.starts.isEmpty()) assertTrue(run.ends.size() == 1 && run.ends.get(0) < ms(3000 + 1300), "the louder noise is learned within 1.3 s: " + run.ends);
    }

    @Test
    void resetKeepsTheNoiseFloor() throws Exception {
        PcmAudio clip = loudness(WavFiles.read(CLIPS.resolve("IT0011W0001.wav")).at(RATE), -26);
        VoiceActivityDetector vad = VoiceActivityDetector.create(RATE);
        Run.of(vad, Signals.noise(RATE, 2000, -45, 6));
        Run first = Run.of(vad, Signals.mix(clip, Signals.noise(RATE, (int) clip.durationMillis(), -45, 7)));
        assertEquals(1, first.starts.size());
        vad.reset();
        assertFalse(vad.inSpeech());
        Run again = Run.of(vad, Signals.mix(clip, Signals.noise(RATE, (int) clip.durationMillis(), -45, 8)));
        assertEquals(first.starts, again.starts, "same clip after reset, same onset");
    }

    /** Scales the clip so its loud half averages {@code dbfs} (an active-speech level, as telephone levels are set). */
    static PcmAudio loudness(PcmAudio clip, double dbfs) {
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i + ms(10) <= clip.length(); i += ms(10)) levels.add(Signals.rmsDbfs(clip, i, i + ms(10)));
        levels.sort(null);
        double energy = 0;
        List<Double> loud = levels.subList(levels.size() / 2, levels.size());
        for (double l : loud) energy += Math.pow(10, l / 10);
        return Signals.gain(clip, dbfs - 10 * Math.log10(energy / loud.size()));
    }

    /**
     * The speech nucleus: from the first to the last run of three 10 ms blocks within 10 dB of the active-speech
     * level; breaths and the recording's room noise before and after are not counted as speech.
     */
    static int[] activeSpan(PcmAudio clip, double speechDbfs) {
        int block = ms(10), first = -1, last = -1;
        for (int i = 0; i + 3 * block <= clip.length(); i += block) {
            boolean run = true;
            for (int k = 0; k < 3; k++) run &= Signals.rmsDbfs(clip, i + k * block, i + (k + 1) * block) > speechDbfs - 10;
            if (run) {
                if (first < 0) first = i;
                last = i + 3 * block;
            }
        }
        return new int[] {first, last};
    }

    static int ms(int millis) {
        return RATE * millis / 1000;
    }

    static long millis(int samples) {
        return samples * 1000L / RATE;
    }

    record Run(List<Integer> starts, List<Integer> ends, boolean[] speech) {
        static Run of(VoiceActivityDetector vad, PcmAudio audio) {
            Run run = new Run(new ArrayList<>(), new ArrayList<>(), new boolean[audio.length() / FRAME + 1]);
            for (int i = 0, f = 0; i + FRAME <= audio.length(); i += FRAME, f++) {
                VadEvent e = vad.accept(audio.samples(), i, FRAME);
                if (e == VadEvent.SPEECH_START) run.starts.add(i + FRAME);
                if (e == VadEvent.SPEECH_END) run.ends.add(i + FRAME);
                run.speech[f] = vad.inSpeech();
            }
            return run;
        }

        double speechFraction(int from, int to) {
            int n = 0, yes = 0;
            for (int f = from / FRAME; f < to / FRAME; f++, n++) if (speech[f]) yes++;
            return (double) yes / n;
        }
    }
}
