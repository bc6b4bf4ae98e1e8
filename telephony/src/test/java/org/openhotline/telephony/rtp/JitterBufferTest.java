package org.openhotline.telephony.rtp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class JitterBufferTest {

    @Test
    void reordersAfterPrefillAndCountsAnUnderrunOnlyWhileTheCallerSends() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        jb.put(11, new byte[] {11});
        assertNull(jb.poll(true), "still prefilling");
        jb.put(10, new byte[] {10});
        assertEquals(10, jb.poll(true).data()[0]);
        assertEquals(11, jb.poll(true).data()[0]);
        assertNull(jb.poll(false));
        assertEquals(0, jb.underruns(), "the caller stopped sending: silence, not a gap");
        jb.put(12, new byte[] {12});
        jb.put(13, new byte[] {13});
        assertEquals(12, jb.poll(true).data()[0]);
        assertEquals(13, jb.poll(true).data()[0]);
        assertNull(jb.poll(true));
        assertEquals(1, jb.underruns());
    }

    @Test
    void dropsLateAndDuplicateFramesAndCountsLostOnes() {
        JitterBuffer jb = new JitterBuffer(1, 10);
        jb.put(5, new byte[] {5});
        assertEquals(5, jb.poll(true).data()[0]);
        jb.put(5, new byte[] {5});
        jb.put(4, new byte[] {4});
        assertEquals(2, jb.late());
        jb.put(8, new byte[] {8});
        assertEquals(8, jb.poll(true).data()[0]);
        assertEquals(2, jb.lost());
    }

    @Test
    void followsTheSequenceAcrossItsWrap() {
        JitterBuffer jb = new JitterBuffer(2, 10);
        jb.put(65535, new byte[] {1});
        jb.put(0, new byte[] {2});
        assertEquals(1, jb.poll(true).data()[0]);
        assertEquals(2, jb.poll(true).data()[0]);
        assertEquals(0, jb.late());
    }

    @Test
    void aFullBufferDropsItsOldestFrameAndSlotsKeepTheirBytesAndTag() {
        JitterBuffer jb = new JitterBuffer(1, 3);
        for (int seq = 1; seq <= 4; seq++) jb.put(seq, java.nio.ByteBuffer.wrap(new byte[] {0, (byte) seq, 9}), 1, 1, seq % 2);
        assertEquals(1, jb.overflows());
        assertEquals(3, jb.size());
        JitterBuffer.Slot s = jb.poll(true);
        assertEquals(2, s.data()[0]);
        assertEquals(1, s.length());
        assertEquals(0, s.tag());
        assertEquals(3, jb.poll(true).data()[0]);
        byte[] big = new byte[400];
        big[399] = 7;
        jb.put(5, big);
        assertEquals(4, jb.poll(true).data()[0]);
        JitterBuffer.Slot large = jb.poll(true);
        assertEquals(400, large.length());
        assertEquals(7, large.data()[399], "a larger frame grows its slot");
    }
}
