package org.openhotline.telephony.recording;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.io.TempDir;
import org.openhotline.telephony.Await;
import org.openhotline.telephony.Tones;
import org.openhotline.telephony.rtp.RtpSession;

/**
 * The recorder fed as the media clock feeds it (onSent then onAudio per 20 ms): the caller on the left, what the
 * caller heard on the right, a header that is valid while recording, and a crash's leftovers recovered at start-up.
 */
class CallRecorderTest {
    @TempDir Path dir;
    private final List<RecordingInfo> saved = new CopyOnWriteArrayList<>();

    @Test
    void theCallerIsLeftWhatTheyHeardIsRightAndTheIndexIsTold() throws Exception {
        CallRecorder rec = CallRecorder.start(dir, saved::add, "abc@host/1", "13800138000", "traffic", "7");
        feed(rec, 150); // 3 s
        rec.note("chatId", "c-42");
        Path wav = rec.finish("caller_hangup");

        assertNotNull(wav);
        assertEquals("abc_host_1.wav", wav.getFileName().toString());
        short[][] lr = channels(wav);
        assertEquals(150 * RtpSession.FRAME, lr[0].length);
        assertTrue(Tones.share(lr[0], 8000, 400) > 0.9, "the caller's 400 Hz on the left");
        assertTrue(Tones.share(lr[1], 8000, 1000) > 0.9, "the agent's 1 kHz on the right");
        assertTrue(Tones.share(lr[0], 8000, 1000) < 0.05, "nothing of the agent on the left");
        String json = Files.readString(wav.resolveSibling("abc_host_1.json"));
        assertTrue(json.contains("\"endReason\" : \"caller_hangup\"") && json.contains("\"chatId\" : \"c-42\"") && json.contains("\"left\""), json);
        assertFalse(Files.exists(wav.resolveSibling("abc_host_1.json.part")));
        RecordingInfo info = saved.getFirst();
        assertEquals(3000, info.durationMs());
        assertEquals(wav.getParent().getFileName() + "/abc_host_1.wav", info.file());
        assertEquals("7", info.agentId());
        assertEquals("c-42", info.chatId());
        assertNull(rec.finish("again"), "a second finish does nothing");
    }

    @Test
    void aSecondRecordingOfTheSameCallGetsItsOwnFile() throws Exception {
        CallRecorder a = CallRecorder.start(dir, null, "same", "1", "g", "a");
        feed(a, 5);
        Path first = a.finish("agent_hangup");
        CallRecorder b = CallRecorder.start(dir, null, "same", "1", "g", "b");
        feed(b, 5);
        Path second = b.finish("agent_hangup");
        assertEquals("same-2.wav", second.getFileName().toString());
        assertNotEquals(first, second);
    }

    /**
     * Two recordings whose names collide, started before the writer thread has created either file (the same call
     * recorded twice at once, or call ids that differ only in characters a file name cannot hold): both are kept.
     */
    @Test
    void recordingsStartedAtOnceWithTheSameNameEachGetTheirOwnFile() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        RecordingFiles.WRITER.execute(() -> {
            try {
                hold.await(); // the writer is busy (a slow disk): nothing below is created yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<CallRecorder> recs = List.of(CallRecorder.start(dir, saved::add, "x@host", "1", "g", "a"),
                CallRecorder.start(dir, saved::add, "x#host", "2", "g", "b"), CallRecorder.start(dir, saved::add, "x@host", "3", "g", "c"));
        hold.countDown();
        java.util.Set<Path> files = new java.util.HashSet<>();
        for (CallRecorder r : recs) {
            feed(r, 5);
            Path wav = r.finish("caller_hangup");
            assertNotNull(wav, "every recording was written");
            files.add(wav);
        }
        assertEquals(3, files.size(), files.toString());
        assertEquals(3, saved.size());
    }

    /** A disk stuck longer than finish waits: the call ends without it, and the recording is still indexed once written. */
    @Test
    void aRecordingFinishedLateOnAStuckDiskIsStillIndexed() throws Exception {
        CallRecorder rec = CallRecorder.start(dir, saved::add, "slow-disk", "13800138000", "g", "7");
        feed(rec, 60);
        CountDownLatch hold = new CountDownLatch(1);
        RecordingFiles.WRITER.execute(() -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.time.Duration before = CallRecorder.finishWait;
        CallRecorder.finishWait = java.time.Duration.ofMillis(50);
        try {
            assertNull(rec.finish("caller_hangup"), "not written yet");
        } finally {
            CallRecorder.finishWait = before;
            hold.countDown();
        }
        RecordingFiles.WRITER.submit(() -> {}).get();
        Await.until(() -> !saved.isEmpty(), "indexed when the writer got there");
        assertEquals(1, saved.size(), "indexed once");
        assertEquals(1200, saved.getFirst().durationMs());
    }

    @Test
    void aRecordingACrashCutShortIsRepairedAndIndexedAtStartUp() throws Exception {
        CallRecorder rec = CallRecorder.start(dir, saved::add, "crashed", "13900000000", "g", "9");
        feed(rec, 125); // 2.5 s: two full buffers reach the disk, half a second is lost with the process
        RecordingFiles.WRITER.submit(() -> {}).get();
        Path wav;
        try (Stream<Path> s = Files.find(dir, 2, (p, a) -> p.toString().endsWith(".wav"))) {
            wav = s.findFirst().orElseThrow();
        }
        assertEquals(2 * 8000, channels(wav)[0].length, "the header already counts what was written");
        try (FileChannel ch = FileChannel.open(wav, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8), 36); // a torn header: data size 0
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), ch.size()); // and a torn last frame
        }

        assertEquals(1, new RecordingFiles(dir).recover(saved::add));
        assertEquals(2 * 8000, channels(wav)[0].length);
        RecordingInfo info = saved.getFirst();
        assertEquals("crashed", info.callId());
        assertEquals("recovered", info.endReason());
        assertEquals(2000, info.durationMs());
        assertEquals("13900000000", info.caller());
        assertTrue(Files.exists(wav.resolveSibling("crashed.json")));
        assertEquals(0, new RecordingFiles(dir).recover(saved::add), "nothing left to recover");
    }

    /** A tick as RtpSession makes it: the frame sent to the caller, then the frame received from them. */
    private static void feed(CallRecorder rec, int frames) {
        short[] caller = new short[RtpSession.FRAME], heard = new short[RtpSession.FRAME];
        for (int f = 0, n = 0; f < frames; f++) {
            for (int i = 0; i < RtpSession.FRAME; i++, n++) {
                caller[i] = (short) (8000 * Math.sin(2 * Math.PI * 400 * n / 8000.0));
                heard[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * n / 8000.0));
            }
            rec.onSent(heard);
            rec.onAudio(caller);
        }
    }

    /** The two channels as the header describes them (checks it is a valid 2-channel 8 kHz 16-bit WAV). */
    static short[][] channels(Path wav) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(b.array(), 0, 4));
        assertEquals(b.capacity() - 8, b.getInt(4), "RIFF size");
        assertEquals(2, b.getShort(22), "channels");
        assertEquals(8000, b.getInt(24), "rate");
        int data = b.getInt(40);
        assertEquals(b.capacity() - 44, data, "data size");
        short[][] lr = new short[2][data / 4];
        for (int i = 0; i < data / 4; i++) {
            lr[0][i] = b.getShort(44 + 4 * i);
            lr[1][i] = b.getShort(46 + 4 * i);
        }
        return lr;
    }
}
