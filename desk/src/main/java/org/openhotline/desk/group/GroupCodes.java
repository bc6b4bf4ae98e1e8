package org.openhotline.desk.group;

import java.util.regex.Pattern;

/** The one rule for a skill group's code, used by account edits and the skill-group admin API alike. */
public final class GroupCodes {
    /** What {@link #valid} accepts, for error messages. */
    public static final String RULE = "a skill group code is 1–64 letters, digits, '.', '_' or '-'";
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

    private GroupCodes() {}

    public static boolean valid(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
