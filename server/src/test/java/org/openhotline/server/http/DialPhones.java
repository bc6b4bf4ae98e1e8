package org.openhotline.server.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openhotline.telephony.sip.SipCall;
import org.openhotline.telephony.sip.SipSettings;
import org.openhotline.telephony.sip.SipUserAgent;

/**
 * Real phones on loopback for the click-to-dial (回拨) tests, and a server configured to use them: agent1's desk phone
 * answers at once; the citizen's phone, behind telephony.outbound-uri, either answers at once too or rings for a minute
 * before it would answer, far longer than the server lets it ring (every call back to it ends as NO_ANSWER).
 */
final class DialPhones implements AutoCloseable {
    final List<SipCall> agentCalls = new CopyOnWriteArrayList<>();
    final List<SipCall> citizenCalls = new CopyOnWriteArrayList<>();
    final SipUserAgent agent = phone(SipSettings.local(0), agentCalls);
    final SipUserAgent citizen;

    DialPhones(boolean citizenAnswers) {
        citizen = phone(SipSettings.local(0).withRing(citizenAnswers ? Duration.ZERO : Duration.ofSeconds(60)), citizenCalls);
    }

    /** The product with sample accounts, the phone channel on, agent1's phone and the outbound route to the citizen's. */
    TestServer.Builder server(int citizenRingSeconds) {
        return TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true").env("HOTLINE_TELEPHONY_ENABLED", "true").env("HOTLINE_SIP_PORT", "0")
                .configYaml("""
                        telephony:
                          agent-ring-seconds: 5
                          outbound-ring-seconds: %d
                          outbound-uri: "sip:{number}@127.0.0.1:%d"
                          agent-phones: ["agent1=sip:agent1@127.0.0.1:%d"]
                        """.formatted(citizenRingSeconds, citizen.port(), agent.port()));
    }

    private static SipUserAgent phone(SipSettings settings, List<SipCall> answered) {
        int base = 30000 + (int) (Math.random() * 25000);
        try {
            return SipUserAgent.start(settings.withRtpPorts(base, base + 100), c -> {
                answered.add(c);
                c.ended().join();
            });
        } catch (Exception e) {
            throw new IllegalStateException("a test phone did not start", e);
        }
    }

    @Override
    public void close() {
        agent.close();
        citizen.close();
    }
}
