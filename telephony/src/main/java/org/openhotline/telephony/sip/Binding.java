package org.openhotline.telephony.sip;

import java.time.Instant;

/**
 * One phone registered for a user (RFC 3261 10.3): the Contact the phone gave, and the URI to dial it at, which is
 * the address its REGISTER came from when that differs from the Contact (a phone behind NAT writes its private
 * address; like Kamailio's fix_nated_contact, {@code received} then names the source address used instead).
 *
 * @param dialUri   the SIP URI to call ({@code ;transport=tcp} when the phone registered over TCP)
 * @param contact   the Contact URI as the phone wrote it (what the 200 echoes and Expires 0 matches)
 * @param received  "host:port" the REGISTER came from when it differs from the Contact, else null
 */
public record Binding(String user, String dialUri, String contact, String transport, String received, Instant expiresAt,
                      String userAgent, String callId, long cseq) {

    /** Seconds left, never negative. */
    public long expiresIn(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }
}
