package org.openhotline.desk.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The service-level report of a date range: totals, per day, per first group, and per day × group (the rows the
 * Excel sheet lists). Days are calendar days in {@code zone} (the hotline's {@code hours.time-zone}).
 *
 * @param channel       the channel it was limited to, or null for all
 * @param withinSeconds the service-level threshold N
 */
public record ServiceReport(LocalDate from, LocalDate to, ZoneId zone, String channel, int withinSeconds, ServiceFigures totals,
                            List<Day> days, List<Group> groups, List<DayGroup> rows) {

    /** One calendar day, every group. */
    public record Day(LocalDate day, ServiceFigures figures) {}

    /** One first group (where handovers were queued first), every day. */
    public record Group(String group, ServiceFigures figures) {}

    /** One group on one day. */
    public record DayGroup(LocalDate day, String group, ServiceFigures figures) {}
}
