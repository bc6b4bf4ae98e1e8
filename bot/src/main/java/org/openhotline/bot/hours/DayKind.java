package org.openhotline.bot.hours;

/** What a date is for service hours: the opening rule a group applies depends only on this (and the weekday). */
public enum DayKind {
    /** Monday to Friday, not a public holiday. */
    WORKDAY,
    /** Saturday or Sunday, not a holiday and not a make-up working day. */
    WEEKEND,
    /** A public holiday period day from the State Council notice (weekend days inside the period too). */
    HOLIDAY,
    /** 调休上班: a Saturday or Sunday worked in exchange for a holiday; open as a workday. */
    MAKEUP_WORKDAY,
    /** A day the bureau set itself: closed, or open with its own windows. */
    SPECIAL;

    /** Public holidays and make-up days come from the notices; everything else from the weekday alone. */
    public boolean isWorkingDay() {
        return this == WORKDAY || this == MAKEUP_WORKDAY;
    }
}
