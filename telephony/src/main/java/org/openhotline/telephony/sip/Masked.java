package org.openhotline.telephony.sip;

/** Caller numbers as logs may show them: 138****8000, so a log file holds no one's phone number. */
public final class Masked {
    private Masked() {}

    public static String number(String n) {
        if (n == null || n.isEmpty()) return "?";
        if (n.length() < 7) return "***";
        return n.substring(0, 3) + "****" + n.substring(n.length() - 4);
    }
}
