package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The Range header forms a player sends, and the ones a server must ignore or refuse (RFC 9110 14). */
class ByteRangeTest {
    @Test
    void theFormsPlayersSend() {
        assertEquals(new ByteRange(0, 999), ByteRange.parse("bytes=0-", 1000));
        assertEquals(new ByteRange(44, 1043), ByteRange.parse("bytes=44-1043", 2000));
        assertEquals(new ByteRange(500, 999), ByteRange.parse("bytes=-500", 1000), "a suffix is the last 500 bytes");
        assertEquals(new ByteRange(0, 999), ByteRange.parse("bytes=-5000", 1000), "a suffix longer than the file is all of it");
        assertEquals(new ByteRange(990, 999), ByteRange.parse("bytes=990-5000", 1000), "the end is cut to the size");
        assertEquals(new ByteRange(999, 999), ByteRange.parse("Bytes=999-999", 1000));
    }

    @Test
    void beyondTheEndIs416AndNonsenseIsIgnored() {
        for (String h : new String[] {"bytes=1000-", "bytes=5000-6000", "bytes=-0", "bytes=99999999999999999999999-"}) {
            BadRequest e = assertThrows(BadRequest.class, () -> ByteRange.parse(h, 1000), h);
            assertEquals(416, e.status());
        }
        assertEquals(416, assertThrows(BadRequest.class, () -> ByteRange.parse("bytes=-1", 0)).status(), "nothing to give of an empty file");
        for (String h : new String[] {null, "items=0-1", "bytes=5-1", "bytes=a-b", "bytes=-", "bytes=0-1,5-6", "bytes=1"}) {
            assertNull(ByteRange.parse(h, 1000), "whole file for " + h);
        }
    }
}
