package org.openhotline.server.desk;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.WavFiles;

/** One side of a stereo recording read as a mono WAV, whole and from a Range's offset (even mid-sample). */
class ChannelStreamTest {
    @TempDir Path dir;

    @Test
    void eachSideIsAValidMonoWavAndSkippingLandsOnTheRightBytes() throws Exception {
        int frames = 5000; // more than one read block
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.position(44);
        for (int i = 0; i < frames; i++) b.putShort((short) i).putShort((short) -i);
        Path stereo = Files.write(dir.resolve("call.wav"), b.array()); // the header is not read: only the samples

        for (int side = 0; side < 2; side++) {
            ChannelStream s = new ChannelStream(stereo, side);
            assertEquals(44 + frames * 2L, s.length());
            byte[] all;
            try (InputStream in = s) {
                all = in.readAllBytes();
            }
            assertEquals(s.length(), all.length);
            PcmAudio mono = WavFiles.parse(all);
            assertEquals(8000, mono.sampleRate());
            assertEquals(frames, mono.length());
            assertEquals(side == 0 ? 4321 : -4321, mono.samples()[4321]);
        }

        try (ChannelStream s = new ChannelStream(stereo, 1)) {
            assertEquals(44 + 2 * 300 + 1, s.skip(44 + 2 * 300 + 1)); // a Range starting at the high byte of sample 300
            byte[] next = s.readNBytes(3);
            assertEquals((byte) ((-300 >> 8) & 0xFF), next[0]);
            assertEquals((short) -301, (short) ((next[1] & 0xFF) | (next[2] << 8)));
        }
    }

    /** Retention (or a repair) cutting the file while it is played: the stream ends early, it never repeats old samples. */
    @Test
    void aFileCutShortWhileReadEndsTheStreamInsteadOfRepeatingSamples() throws Exception {
        int frames = 5000;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.position(44);
        for (int i = 0; i < frames; i++) b.putShort((short) (i + 1)).putShort((short) 0);
        Path stereo = Files.write(dir.resolve("cut.wav"), b.array());
        try (ChannelStream s = new ChannelStream(stereo, 0)) {
            byte[] first = s.readNBytes(44 + 2 * 2048); // one block read: samples 1..2048
            assertEquals(44 + 2 * 2048, first.length);
            try (var ch = java.nio.channels.FileChannel.open(stereo, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(44 + 4 * 2100); // 52 more frames left
            }
            byte[] rest = s.readAllBytes();
            assertEquals(2 * 52, rest.length, "only the samples still there");
            assertEquals((short) 2049, (short) ((rest[0] & 0xFF) | (rest[1] << 8)));
        }
    }
}
