package org.openhotline.server.wechat.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.server.Await;
import org.openhotline.voice.asr.ClasspathModel;
import org.openhotline.voice.asr.VoskRecognizer;
import org.openhotline.voice.audio.PcmAudio;

/**
 * Real AMR-NB files (see src/test/resources/wechat-voice/README.md for how they were made from FreeTTS speech)
 * through this host's ffmpeg and the English Vosk test model.
 */
class FfmpegTranscriberTest {
    static final FfmpegDecoder DECODER = new FfmpegDecoder("ffmpeg", Duration.ofSeconds(20), 60);
    static VoskRecognizer english;
    static FfmpegTranscriber transcriber;

    @BeforeAll
    static void load() throws IOException {
        english = VoskRecognizer.load(ClasspathModel.unpack(ClasspathModel.ENGLISH, Path.of("target", "vosk-model")), "en");
        transcriber = new FfmpegTranscriber(DECODER, DECODER.probe(), english, 64 * 1024, 1, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        english.close();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = FfmpegTranscriberTest.class.getResourceAsStream("/wechat-voice/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void debiansFfmpegDecodesBothOfWechatsFormats() {
        assertEquals(Set.of("amr", "speex"), DECODER.probe());
    }

    @Test
    void aRealAmrFileDecodesToItsFullLengthAt16kHz() throws IOException {
        PcmAudio pcm = DECODER.decode(resource("transfer-agent.amr"), "amr").orElseThrow();
        assertEquals(16000, pcm.sampleRate());
        // 0.3 s silence + 2.15 s of speech + 0.5 s silence, in 20 ms frames
        assertTrue(pcm.durationMillis() >= 2900 && pcm.durationMillis() <= 3000, pcm.toString());
    }

    /**
     * "please transfer me to an agent": the small English model hears the end of FreeTTS's robot voice through the
     * AMR codec reliably, the start not ("you grants for me to an agent").
     */
    @Test
    void speechInAmrIsRecognised() throws IOException {
        String text = transcriber.transcribe(resource("transfer-agent.amr"), "amr").orElseThrow();
        assertTrue(text.endsWith("me to an agent"), text);
    }

    @Test
    void silenceDescriptorFramesOfAnAmrEncoderWithDtxAreTolerated() throws IOException {
        String text = transcriber.transcribe(resource("transfer-agent-dtx.amr"), "amr").orElseThrow();
        assertTrue(text.endsWith("me to an agent"), text);
    }

    @Test
    void badBytesTooMuchAudioOrAnUnknownFormatGiveEmpty() throws IOException {
        assertEquals(Optional.empty(), transcriber.transcribe("#!AMR\nnot really audio at all".getBytes(), "amr"));
        assertEquals(Optional.empty(), transcriber.transcribe(new byte[] {1, 2, 3}, "speex"));
        assertEquals(Optional.empty(), transcriber.transcribe(new byte[0], "amr"));
        assertEquals(Optional.empty(), transcriber.transcribe(new byte[64 * 1024 + 1], "amr"));
        assertEquals(Optional.empty(), transcriber.transcribe(resource("transfer-agent.amr"), "mp3"));
        assertEquals(Optional.empty(), DECODER.decode(resource("transfer-agent.amr"), "speex"), "AMR is not read as Ogg: the container is forced");
    }

    @Test
    void noFfmpegMeansNoFormats() {
        assertEquals(Set.of(), new FfmpegDecoder("/nonexistent/ffmpeg", Duration.ofSeconds(5), 60).probe());
    }

    @Test
    void aDecoderThatHangsIsStoppedAtTheTimeout(@TempDir Path dir) throws Exception {
        FfmpegDecoder hanging = new FfmpegDecoder(sleeper(dir).toString(), Duration.ofMillis(300), 60);
        assertEquals(Optional.empty(), hanging.decode(resource("transfer-agent.amr"), "amr"));
    }

    @Test
    void aMessageWaitingTooLongForABusySlotGetsEmpty(@TempDir Path dir) throws Exception {
        // the first decoder holds the only slot until it is stopped at 8 s: long enough that a process a loaded box starts
        // late still holds it when the second message asks
        FfmpegDecoder slow = new FfmpegDecoder(sleeper(dir).toString(), Duration.ofSeconds(8), 60);
        FfmpegTranscriber one = new FfmpegTranscriber(slow, Set.of("amr"), null, 64 * 1024, 1, Duration.ofMillis(200));
        byte[] amr = resource("transfer-agent.amr");
        Thread first = Thread.ofVirtual().start(() -> one.transcribe(amr, "amr"));
        Path calls = dir.resolve("calls");
        Await.until(() -> Files.exists(calls), "the first message started its decoder");
        assertEquals(Optional.empty(), one.transcribe(amr, "amr"));
        assertEquals(1, Files.readAllLines(calls).size(), "the second message never started a decoder");
        first.join();
    }

    /**
     * A stand-in for an ffmpeg that hangs: a real process that notes its start in {@code calls}, sleeps 10 s, then
     * writes a second of silence (which a decoder without a timeout would return).
     */
    private static Path sleeper(Path dir) throws IOException {
        Path script = dir.resolve("ffmpeg-hangs");
        Files.writeString(script, "#!/bin/sh\necho started >> '" + dir.resolve("calls") + "'\nsleep 10\nhead -c 32000 /dev/zero\n");
        script.toFile().setExecutable(true);
        return script;
    }

    @Test
    void chineseWordsAreJoined() {
        assertEquals("社保卡怎么补办 ok go", FfmpegTranscriber.joinHan("社保 卡 怎么 补办 ok go"));
    }
}
