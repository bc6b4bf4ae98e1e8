package org.openhotline.telephony.rtp;

import java.util.Locale;

/**
 * Whether tones in a caller's audio count as keys ({@code telephony.inband-dtmf}). AUTO listens for tones until the
 * first RFC 4733 or SIP INFO key shows the peer signals its keys, so trunks that only pass tones are still served.
 */
public enum InbandDtmf {
    AUTO, ON, OFF;

    /** "auto", "on" or "off", any case; anything else is an {@link IllegalArgumentException} naming the setting. */
    public static InbandDtmf parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("telephony.inband-dtmf is auto, on or off, not '" + s + "'");
        }
    }
}
