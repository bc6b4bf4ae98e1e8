package org.openhotline.voice.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.codec.G711;

class WavFilesTest {
    static final Path FIRERED = Path.of("/work/shared/datasets/speech-zh-firered");

    @Test
    void writeThenReadGivesTheSameSamples(@TempDir Path dir) throws Exception {
        PcmAudio audio = Signals.mix(Signals.sine(440, 8000, 250, -6), Signals.noise(8000, 250, -40, 3));
        Path file = dir.resolve("sub/prompt.wav");
        WavFiles.write(file, audio);
        assertEquals(44 + audio.length() * 2, Files.size(file));
        assertEquals(audio, WavFiles.read(file));
    }

    @Test
    void readsTheMandarinTestClips() throws Exception {
        PcmAudio clip = WavFiles.read(FIRERED.resolve("IT0011W0001.wav"));
        assertEquals(16000, clip.sampleRate());
        assertEquals(1990, clip.durationMillis(), 20, "1.99 s per SOURCE.md");
    }

    @Test
    void readsStereoFloatAndG711AndAnOpenEndedDataChunk() throws Exception {
        short[] samples = {0, 1000, -1000, 32767, -32768};
        // stereo 16-bit: left = samples, right = 0 → mono is half
        ByteBuffer stereo = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) stereo.putShort(s).putShort((short) 0);
        PcmAudio mixed = WavFiles.parse(wav(1, 2, 8000, 16, stereo.array(), false));
        assertArrayEquals(new short[] {0, 500, -500, 16383, -16384}, mixed.samples());
        // 32-bit float
        ByteBuffer floats = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1f);
        assertArrayEquals(new short[] {16384, -32767}, WavFiles.parse(wav(3, 1, 16000, 32, floats.array(), false)).samples());
        // µ-law, as telephone prompt libraries often ship
        byte[] ulaw = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) ulaw[i] = G711.linearToUlaw(samples[i]);
        PcmAudio decoded = WavFiles.parse(wav(7, 1, 8000, 8, ulaw, false));
        for (int i = 0; i < samples.length; i++) assertEquals(samples[i], decoded.samples()[i], Math.abs(samples[i]) / 16.0 + 8);
        // espeak-ng writing to a pipe leaves the data size at 0x7FFFF000: read to the end
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) pcm.putShort(s);
        assertArrayEquals(samples, WavFiles.parse(wav(1, 1, 22050, 16, pcm.array(), true)).samples());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThrows(WavFormatException.class, () -> WavFiles.parse("hello".getBytes()));
        assertThrows(WavFormatException.class, () -> WavFiles.parse(wav(2, 1, 8000, 4, new byte[10], false)), "ADPCM");
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavFiles.parse(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'}));
        assertTrue(e.getMessage().contains("no fmt chunk"), e.getMessage());
    }

    static byte[] wav(int encoding, int channels, int rate, int bits, byte[] data, boolean openEnded) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(openEnded ? 0x7FFFF024 : 36 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) encoding).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.putInt(0x61746164).putInt(openEnded ? 0x7FFFF000 : data.length).put(data);
        return b.array();
    }
}
