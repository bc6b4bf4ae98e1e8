package org.openhotline.desk.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.openhotline.desk.store.Jdbc;

/**
 * The supervisors' service-level report (接起率 / 回电率 / 受理率) from the desk's own tables: {@code desk_chat} for
 * the handovers, {@code callback_task} for the missed calls and their call backs, {@code desk_rating} for
 * satisfaction. Plain SQL that runs on H2 and PostgreSQL; days are bucketed in Java in the hotline's zone so no
 * database date function is needed.
 */
public final class ServiceLevels {
    /** The desk's end reason when the citizen left (hung up, closed the chat) — see ChatService.citizenLeft. */
    static final String CITIZEN_LEFT = "citizen-left";
    /** The desk's end reason when the group's queue timeout ended the wait — see QueueTimers. */
    static final String QUEUE_TIMEOUT = "queue-timeout";
    public static final int DEFAULT_WITHIN_SECONDS = 20;
    public static final int MAX_DAYS = 366;

    private final Jdbc jdbc;
    private final ZoneId zone;

    public ServiceLevels(DataSource db, ZoneId zone) {
        this.jdbc = new Jdbc(db);
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The report for the days {@code from}..{@code to} (both included); {@code channel} null or blank for every
     * channel. Bad arguments are an {@link IllegalArgumentException} saying which.
     */
    public ServiceReport report(LocalDate from, LocalDate to, String channel, int withinSeconds) {
        return report(from, to, channel, withinSeconds, null);
    }

    /** As {@link #report(LocalDate, LocalDate, String, int)} for only the first groups in {@code groups} (null: all) — a group leader's view. */
    public ServiceReport report(LocalDate from, LocalDate to, String channel, int withinSeconds, Set<String> groups) {
        if (from == null || to == null) throw new IllegalArgumentException("from and to are required");
        if (from.isAfter(to)) throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() >= MAX_DAYS)
            throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
        if (withinSeconds < 0 || withinSeconds > 3600) throw new IllegalArgumentException("within must be 0..3600 seconds");
        String ch = channel == null || channel.isBlank() ? null : channel.strip();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Slices s = new Slices(withinSeconds, groups);
        for (Handover h : handovers(start, end, ch)) {
            Long wait = h.acceptedAt == null ? null : Math.max(0, Duration.between(h.queuedAt, h.acceptedAt).toSeconds());
            s.add(h.queuedAt, h.group, t -> t.handover(wait, h.endReason));
        }
        for (Missed m : missed(start, end, ch)) s.add(m.createdAt, m.group, t -> t.missed(m.calls, m.reached));
        for (Rated r : ratings(start, end, ch)) s.add(r.queuedAt, r.group, t -> t.rating(r.level));
        return s.report(from, to, ch);
    }

    private record Handover(Instant queuedAt, Instant acceptedAt, String group, String endReason) {}

    private record Missed(Instant createdAt, String group, long calls, boolean reached) {}

    private record Rated(Instant queuedAt, String group, int level) {}

    private List<Handover> handovers(Instant start, Instant end, String channel) {
        return jdbc.query("read handovers for the service report",
                "SELECT queued_at, accepted_at, first_group, end_reason FROM desk_chat WHERE queued_at >= ? AND queued_at < ?"
                        + (channel == null ? "" : " AND channel = ?"),
                rs -> new Handover(Jdbc.instant(rs, "queued_at"), Jdbc.instant(rs, "accepted_at"), rs.getString("first_group"), rs.getString("end_reason")),
                args(start, end, channel));
    }

    private List<Missed> missed(Instant start, Instant end, String channel) {
        return jdbc.query("read missed-call tasks for the service report",
                // a missed call's task stays one by its reason: a voice message merged into it makes it a VOICEMAIL task
                // (the agent should listen first) and adds a contact that is no missed call
                "SELECT created_at, skill_group, contacts, voice_file, status, outcome FROM callback_task WHERE reason IN ('no_agent', 'unanswered', 'abandoned') "
                        + "AND created_at >= ? AND created_at < ?" + (channel == null ? "" : " AND channel = ?"),
                rs -> new Missed(Jdbc.instant(rs, "created_at"), rs.getString("skill_group"),
                        Math.max(1, rs.getInt("contacts") - (rs.getString("voice_file") == null ? 0 : 1)),
                        "DONE".equals(rs.getString("status")) && "REACHED".equals(rs.getString("outcome"))),
                args(start, end, channel));
    }

    private List<Rated> ratings(Instant start, Instant end, String channel) {
        return jdbc.query("read ratings for the service report",
                "SELECT c.queued_at, c.first_group, r.rating_level FROM desk_rating r JOIN desk_chat c ON c.chat_id = r.chat_id "
                        + "WHERE c.queued_at >= ? AND c.queued_at < ?" + (channel == null ? "" : " AND c.channel = ?"),
                rs -> new Rated(Jdbc.instant(rs, "queued_at"), rs.getString("first_group"), rs.getInt("rating_level")),
                args(start, end, channel));
    }

    private static Object[] args(Instant start, Instant end, String channel) {
        return channel == null ? new Object[] {start, end} : new Object[] {start, end, channel};
    }

    /** The tallies of every slice an event belongs to: total, its day, its group, its day × group. */
    private final class Slices {
        private final int within;
        private final Tally total;
        private final Map<LocalDate, Tally> days = new TreeMap<>();
        private final Map<String, Tally> groups = new TreeMap<>();
        private final Map<LocalDate, Map<String, Tally>> rows = new TreeMap<>();
        private final Set<String> only;

        Slices(int within, Set<String> only) {
            this.within = within;
            this.only = only;
            this.total = new Tally(within);
        }

        void add(Instant at, String group, Consumer<Tally> what) {
            LocalDate day = at.atZone(zone).toLocalDate();
            String g = group == null ? "" : group;
            if (only != null && !only.contains(g)) return;
            what.accept(total);
            what.accept(days.computeIfAbsent(day, d -> new Tally(within)));
            what.accept(groups.computeIfAbsent(g, x -> new Tally(within)));
            what.accept(rows.computeIfAbsent(day, d -> new TreeMap<>()).computeIfAbsent(g, x -> new Tally(within)));
        }

        ServiceReport report(LocalDate from, LocalDate to, String channel) {
            List<ServiceReport.Day> dayList = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) // every day of the range, quiet days too
                dayList.add(new ServiceReport.Day(d, days.getOrDefault(d, new Tally(within)).figures()));
            List<ServiceReport.Group> groupList = groups.entrySet().stream().map(e -> new ServiceReport.Group(e.getKey(), e.getValue().figures())).toList();
            List<ServiceReport.DayGroup> rowList = new ArrayList<>();
            rows.forEach((d, byGroup) -> byGroup.forEach((g, t) -> rowList.add(new ServiceReport.DayGroup(d, g, t.figures()))));
            return new ServiceReport(from, to, zone, channel, within, total.figures(), dayList, groupList, rowList);
        }
    }
}
