package org.openhotline.wechat.dedup;

/**
 * What WeChat was given for one callback, kept so that a retry gets the same: the passive reply text, or
 * "success" with the answer following through the customer-service API ({@code passiveText == null}).
 */
public record Outcome(String passiveText) {
    public static final Outcome LATER = new Outcome(null);

    public static Outcome passive(String text) {
        return new Outcome(text);
    }

    public boolean later() {
        return passiveText == null;
    }

    String encode() {
        return later() ? "L" : "P" + passiveText;
    }

    static Outcome decode(String s) {
        if (s == null || s.isEmpty() || s.charAt(0) == 'L') return LATER;
        return passive(s.substring(1));
    }
}
