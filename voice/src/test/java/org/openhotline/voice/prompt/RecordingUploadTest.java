package org.openhotline.voice.prompt;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.openhotline.voice.audio.PcmAudio;
import org.openhotline.voice.audio.Signals;
import org.openhotline.voice.audio.WavFiles;
import org.openhotline.voice.audio.WavFormatException;
import org.openhotline.voice.codec.G711;

/** What an admin may upload as a prompt, and that it is stored as 8 kHz mono whatever it was. */
class RecordingUploadTest {

    @Test
    void a44kHzRecordingBecomes8kHzAndKeepsItsTone() throws Exception {
        PcmAudio a = RecordingUpload.convert(WavFiles.toBytes(Signals.sine(440, 44100, 2000, -12)));
        assertEquals(8000, a.sampleRate());
        assertEquals(16000, a.length(), 20);
        assertEquals(-12, Signals.toneDbfs(a, 440, 1000, 7000), 0.5);
    }

    @Test
    void stereo8BitAndMuLawAreAccepted() throws Exception {
        byte[] stereo = new byte[16000 * 2]; // one second of 8-bit stereo at 16 kHz: left loud, right silent (128)
        for (int i = 0; i < 16000; i++) {
            stereo[2 * i] = (byte) (128 + 100 * Math.sin(2 * Math.PI * 500 * i / 16000.0));
            stereo[2 * i + 1] = (byte) 128;
        }
        PcmAudio s = RecordingUpload.convert(wav(1, 2, 16000, 8, stereo));
        assertEquals(8000, s.length(), 10, "mixed down to one channel at 8 kHz");
        byte[] ulaw = new byte[8000];
        for (int i = 0; i < ulaw.length; i++) ulaw[i] = G711.linearToUlaw((short) (8000 * Math.sin(2 * Math.PI * 700 * i / 8000.0)));
        PcmAudio u = RecordingUpload.convert(wav(7, 1, 8000, 8, ulaw));
        assertEquals(8000, u.length());
        assertTrue(peak(u) > 7000, "decoded from µ-law: " + peak(u));
    }

    @Test
    void otherEncodingsChannelsAndNonWavAreRefusedSayingWhy() {
        refused(wav(3, 1, 8000, 32, new byte[3200]), "PCM 8/16-bit or G.711");
        refused(wav(1, 1, 8000, 24, new byte[2400]), "PCM 8/16-bit or G.711");
        refused(wav(1, 6, 8000, 16, new byte[9600]), "mono or stereo");
        refused(wav(1, 1, 4000, 16, new byte[800]), "sample rate");
        refused(wav(1, 1, 8000, 16, new byte[0]), "no audio");
        refused("ID3 an mp3 file".getBytes(), "RIFF/WAVE");
        refused(new byte[0], "RIFF/WAVE");
    }

    @Test
    void longerThanTenMinutesOrLargerThanTenMegabytesIsRefused() {
        refused(wav(1, 1, 8000, 8, new byte[8000 * 601]), "more than 10 minutes");
        refused(new byte[RecordingUpload.MAX_BYTES + 1], "larger than 10 MB");
        assertDoesNotThrow(() -> RecordingUpload.convert(wav(1, 1, 8000, 8, new byte[8000 * 599])));
    }

    private static void refused(byte[] wav, String why) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> RecordingUpload.convert(wav));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static int peak(PcmAudio a) {
        int p = 0;
        for (short s : a.samples()) p = Math.max(p, Math.abs(s));
        return p;
    }

    /** A WAV with the given format fields and data bytes. */
    static byte[] wav(int encoding, int channels, int rate, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x46464952).putInt(36 + data.length).putInt(0x45564157);
        b.putInt(0x20746d66).putInt(16).putShort((short) encoding).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.putInt(0x61746164).putInt(data.length).put(data);
        return b.array();
    }
}
