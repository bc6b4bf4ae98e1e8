package org.openhotline.desk.callback;

import java.util.regex.Pattern;

/**
 * A caller's number as the agent dials it and as repeated contacts are merged by: carriers and citizens write one number
 * as {@code +86 138-0013-8000}, {@code 008613800138000}, {@code 013800138000} or {@code 13800138000}. Anything that is
 * not a number ({@code anonymous}, a SIP name, empty) is no number at all, so anonymous calls never merge into one task.
 */
final class CallbackPhone {
    private static final Pattern LAYOUT = Pattern.compile("[\\s\\-().\\u00a0]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private CallbackPhone() {}

    /** The dialable form (mainland numbers national, with the trunk 0 for landlines; others +country), or null. */
    static String normalise(String raw) {
        if (raw == null) return null;
        String s = LAYOUT.matcher(raw).replaceAll("");
        boolean china = false;
        if (s.startsWith("+86")) {
            s = s.substring(3);
            china = true;
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
            china = true;
        } else if (s.startsWith("+")) {
            return s.length() > 4 && s.length() <= 21 && s.substring(1).chars().allMatch(Character::isDigit) ? s : null;
        }
        if (s.length() < 3 || s.length() > 20 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) return null;
        if (!china && s.length() == 13 && s.startsWith("86") && MOBILE.matcher(s.substring(2)).matches()) return s.substring(2);
        if (s.length() == 12 && s.charAt(0) == '0' && MOBILE.matcher(s.substring(1)).matches()) return s.substring(1);
        if (china && !MOBILE.matcher(s).matches() && s.charAt(0) != '0') return "0" + s; // +86 10 … is 010 … at home
        return s;
    }
}
