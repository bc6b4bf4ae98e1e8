package org.openhotline.bot.hours;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** When humans are back, said the way a citizen reads it: 今天13:30, 明天08:30, 2月5日（星期三）08:30. */
public final class ReturnTimePhrase {
    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private ReturnTimePhrase() {}

    /** {@code opening} as seen from {@code now}, both in the service's zone; a year is named only when it differs. */
    public static String when(ZonedDateTime now, ZonedDateTime opening) {
        long days = ChronoUnit.DAYS.between(now.toLocalDate(), opening.toLocalDate());
        String time = String.format("%02d:%02d", opening.getHour(), opening.getMinute());
        if (days == 0) return "今天" + time;
        if (days == 1) return "明天" + time;
        String date = (opening.getYear() != now.getYear() ? opening.getYear() + "年" : "")
                + opening.getMonthValue() + "月" + opening.getDayOfMonth() + "日";
        return date + "（" + weekday(opening.getDayOfWeek()) + "）" + time;
    }

    public static String weekday(DayOfWeek d) {
        return WEEKDAYS[d.getValue() - 1];
    }
}
