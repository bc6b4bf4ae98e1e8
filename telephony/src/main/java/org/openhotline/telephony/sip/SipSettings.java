package org.openhotline.telephony.sip;

import java.time.Duration;

/**
 * How the user agent listens and announces itself. {@code host} is the address bound and written into
 * Contact and SDP (use the machine's LAN address for phones on other machines); {@code registrar} empty means
 * calls are accepted directly, otherwise the agent registers {@code user} there and keeps it fresh.
 *
 * @param ring         how long a call rings (180) before it is answered; 0 answers at once
 * @param sessionExpires the session-timer interval offered to callers that support timers (RFC 4028)
 */
public record SipSettings(String host, int port, boolean udp, boolean tcp, int rtpPortMin, int rtpPortMax,
                          Duration ring, Duration sessionExpires, String registrar, String user, String password,
                          Duration registerExpires, String userAgent) {

    public SipSettings {
        if (!udp && !tcp) throw new IllegalArgumentException("telephony: at least one of UDP and TCP");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("telephony.sip-port out of range: " + port);
        if (sessionExpires.toSeconds() < 90) throw new IllegalArgumentException("telephony.session-expires below 90 s (RFC 4028 Min-SE)");
        registrar = registrar == null ? "" : registrar.trim();
        user = user == null || user.isBlank() ? "hotline" : user.trim();
        password = password == null ? "" : password;
    }

    /** Loopback, a given port, both transports, answer at once, no registrar: what tests and the demo start from. */
    public static SipSettings local(int port) {
        return new SipSettings("127.0.0.1", port, true, true, 20000, 30000, Duration.ZERO, Duration.ofMinutes(30),
                "", "hotline", "", Duration.ofMinutes(10), "OpenHotline");
    }

    public SipSettings withRing(Duration d) {
        return new SipSettings(host, port, udp, tcp, rtpPortMin, rtpPortMax, d, sessionExpires, registrar, user, password, registerExpires, userAgent);
    }

    public SipSettings withRtpPorts(int min, int max) {
        return new SipSettings(host, port, udp, tcp, min, max, ring, sessionExpires, registrar, user, password, registerExpires, userAgent);
    }

    public SipSettings withRegistrar(String uri, String user, String password, Duration expires) {
        return new SipSettings(host, port, udp, tcp, rtpPortMin, rtpPortMax, ring, sessionExpires, uri, user, password, expires, userAgent);
    }
}
