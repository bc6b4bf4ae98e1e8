package org.openhotline.telephony.sip;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls we place (an agent's phone) against sipp phones that answer in ways we cannot use. */
class DialerTest {
    private SipUserAgent ua;
    private Process phone;

    @BeforeAll
    static void sippIsThere() {
        assertTrue(Sipp.installed(), "sipp missing: apt-get install sip-tester (./hotline test installs it)");
    }

    @AfterEach
    void stop() throws Exception {
        if (ua != null) ua.close();
        if (phone != null) phone.destroyForcibly().waitFor();
    }

    @Test
    void aPhoneAnsweringWithoutG711IsHungUpAndTheDialFailsSayingWhy() throws Exception {
        int port = Sipp.freePort();
        phone = Sipp.serve("g729-only-phone.xml", port);
        int rtpBase = 30000 + (int) (Math.random() * 20000);
        ua = SipUserAgent.start(SipSettings.local(0).withRtpPorts(rtpBase, rtpBase + 100), c -> {});
        var dial = ua.dial("sip:agent@127.0.0.1:" + port, "13800138000", Duration.ofSeconds(20));
        var e = assertThrows(ExecutionException.class, () -> dial.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("G.711"), e.getCause().getMessage());
        assertTrue(phone.waitFor(30, TimeUnit.SECONDS), "the phone's scenario ends");
        assertEquals(0, phone.exitValue(), "the 200 was ACKed and the phone got a BYE");
        long until = System.currentTimeMillis() + 30_000;
        while (ua.activeCalls() > 0 && System.currentTimeMillis() < until) Thread.sleep(50);
        assertEquals(0, ua.activeCalls(), "nothing left of the call");
    }
}
