package org.openhotline.desk.report;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service-level report over real desk tables on a real database (H2 unit, PostgreSQL IT). Rows are written as
 * the desk and the call-back tasks write them (their end-reason codes, statuses and outcomes); every figure asserted.
 */
abstract class ServiceLevelsContract {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY1 = LocalDate.of(2026, 3, 2);
    static final LocalDate DAY2 = LocalDate.of(2026, 3, 3);
    ServiceLevels levels;
    long nextChat = 1;

    abstract DataSource db();

    @BeforeEach
    void build() {
        levels = new ServiceLevels(db(), ZONE);
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant();
    }

    /** A desk chat queued at {@code queued}; {@code waited} seconds to an agent's accept, or null (never taken). */
    long chat(String channel, String group, Instant queued, Integer waited, String endReason) throws SQLException {
        long id = nextChat++;
        sql("INSERT INTO desk_chat (chat_id, session_id, channel, skill_group, first_group, status, priority, summary, queued_at, accepted_at, "
                + "ended_at, end_reason, last_seq, overflowed, declined_csv, notified_position, agent_read_seq, citizen_read_seq) "
                + "VALUES (?, ?, ?, ?, ?, 'ENDED', 0, '{}', ?, ?, ?, ?, 0, FALSE, '', 0, 0, 0)",
                id, "s-" + id, channel, group, group, ts(queued), waited == null ? null : ts(queued.plusSeconds(waited)),
                ts(queued.plusSeconds(600)), endReason);
        return id;
    }

    void task(String kind, String channel, String group, Instant created, int contacts, String status, String outcome) throws SQLException {
        String reason = switch (kind) { // as the bridge, the IVR and the bot write them
            case "MISSED_CALL" -> "no_agent";
            case "ABANDONED" -> "abandoned";
            case "VOICEMAIL" -> "voicemail";
            default -> "keyword";
        };
        task(kind, reason, null, channel, group, created, contacts, status, outcome);
    }

    void task(String kind, String reason, String voiceFile, String channel, String group, Instant created, int contacts, String status, String outcome)
            throws SQLException {
        sql("INSERT INTO callback_task (kind, phone, channel, skill_group, reason, voice_file, status, outcome, attempts, contacts, last_contact_at, due_at, "
                        + "created_at, done_at) VALUES (?, '13800138000', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                kind, channel, group, reason, voiceFile, status, outcome, contacts, ts(created), ts(created.plusSeconds(86400)), ts(created),
                "DONE".equals(status) ? ts(created.plusSeconds(3600)) : null);
    }

    void rating(long chatId, String channel, String group, int level) throws SQLException {
        sql("INSERT INTO desk_rating (chat_id, session_id, agent_id, skill_group, channel, rating_level, tags, rated_at) VALUES (?, ?, 'a1', ?, ?, ?, '', ?)",
                chatId, "s-" + chatId, group, channel, level, ts(Instant.parse("2026-03-02T05:00:00Z")));
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    private void sql(String sql, Object... args) throws SQLException {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    /** Two days of 社保 calls and one 医保 web chat, missed calls called back or not, ratings; one chat outside the range. */
    void twoDays() throws SQLException {
        long c1 = chat("voice", "社保", at(DAY1, 9, 0), 5, "resolved");
        long c2 = chat("voice", "社保", at(DAY1, 9, 10), 30, "resolved");
        chat("voice", "社保", at(DAY1, 9, 20), 15, "citizen-left"); // answered, then hung up: answered, not abandoned
        chat("voice", "社保", at(DAY1, 10, 0), null, "citizen-left");
        chat("voice", "社保", at(DAY1, 10, 5), null, "queue-timeout");
        long c6 = chat("web", "医保", at(DAY1, 11, 0), 40, "resolved");
        chat("voice", "社保", at(DAY2, 0, 10), 10, "resolved"); // 16:10 UTC on DAY1: a Beijing DAY2 handover
        chat("voice", "社保", at(DAY2, 14, 0), null, "queue-timeout");
        chat("voice", "社保", at(DAY2.plusDays(1), 9, 0), 1, "resolved"); // after the range
        task("MISSED_CALL", "voice", "社保", at(DAY1, 10, 20), 2, "DONE", "REACHED"); // the abandoned and timed-out calls of DAY1
        task("ABANDONED", "voice", "社保", at(DAY2, 14, 10), 1, "DONE", "NOT_NEEDED");
        task("VOICEMAIL", "voice", "社保", at(DAY1, 22, 0), 1, "DONE", "REACHED"); // a voice message is no missed handover
        task("CALLBACK_REQUEST", "web", "医保", at(DAY1, 12, 0), 1, "DONE", "REACHED");
        task("MISSED_CALL", "voice", "社保", at(DAY2.plusDays(1), 9, 0), 1, "DONE", "REACHED"); // after the range
        rating(c1, "voice", "社保", 5);
        rating(c2, "voice", "社保", 3);
        rating(c6, "web", "医保", 4);
    }

    @Test
    void totalsCountEveryFigureOfTheRange() throws SQLException {
        twoDays();
        ServiceReport r = levels.report(DAY1, DAY2, null, 20);
        ServiceFigures t = r.totals();
        assertEquals(8, t.offered());
        assertEquals(5, t.answered());
        assertEquals(3, t.answeredWithin(), "waits 5, 15 and 10 s are within 20 s; 30 and 40 are not");
        assertEquals(20.0, t.averageWaitSeconds(), 1e-9, "(5 + 30 + 15 + 40 + 10) / 5");
        assertEquals(40.0, t.p90WaitSeconds(), 1e-9, "nearest rank of 5 waits: the 5th");
        assertEquals(1, t.abandoned(), "a citizen who left after an agent answered is answered, not abandoned");
        assertEquals(2, t.timedOut());
        assertEquals(3, t.missedCalls(), "counted in calls: the DAY1 task merged two");
        assertEquals(2, t.reached(), "the NOT_NEEDED task was no call back that reached anyone");
        assertEquals(3, t.ratings());
        assertEquals(4.0, t.ratingAverage(), 1e-9);
        assertEquals(5.0 / 8, t.answerRate(), 1e-9);
        assertEquals(2.0 / 8, t.callbackRate(), 1e-9);
        assertEquals(7.0 / 8, t.acceptanceRate(), 1e-9);
        assertEquals(3.0 / 8, t.serviceLevel(), 1e-9);
    }

    @Test
    void daysAreTheHotlinesCalendarDaysAndGroupsTheFirstGroup() throws SQLException {
        twoDays();
        ServiceReport r = levels.report(DAY1, DAY2, null, 20);
        assertEquals(2, r.days().size());
        ServiceFigures d1 = r.days().get(0).figures();
        ServiceFigures d2 = r.days().get(1).figures();
        assertEquals(DAY1, r.days().get(0).day());
        assertEquals(6, d1.offered());
        assertEquals(4, d1.answered());
        assertEquals(2, d1.reached());
        assertEquals(2, d2.offered(), "the 00:10 Beijing chat is DAY2 though it is DAY1 in UTC");
        assertEquals(1, d2.answered());
        assertEquals(1, d2.missedCalls());
        assertEquals(0, d2.reached());
        assertEquals(0.5, d2.acceptanceRate(), 1e-9);
        Map<String, ServiceFigures> groups = r.groups().stream().collect(Collectors.toMap(ServiceReport.Group::group, ServiceReport.Group::figures));
        assertEquals(7, groups.get("社保").offered());
        assertEquals(1, groups.get("医保").offered());
        assertEquals(0, groups.get("医保").missedCalls(), "a web call-back request is no missed call");
        assertEquals(3, r.rows().size(), "社保 on both days, 医保 on DAY1");
        ServiceReport.DayGroup row = r.rows().stream().filter(x -> x.day().equals(DAY1) && x.group().equals("社保")).findFirst().orElseThrow();
        assertEquals(5, row.figures().offered());
        assertEquals(4.0, row.figures().ratingAverage(), 1e-9, "5 and 3");
    }

    @Test
    void aChannelFilterKeepsOnlyItsHandoversTasksAndRatings() throws SQLException {
        twoDays();
        ServiceFigures voice = levels.report(DAY1, DAY2, "voice", 20).totals();
        assertEquals(7, voice.offered());
        assertEquals(4, voice.answered());
        assertEquals(3, voice.missedCalls());
        assertEquals(2, voice.ratings());
        assertEquals(6.0 / 7, voice.acceptanceRate(), 1e-9);
        ServiceFigures web = levels.report(DAY1, DAY2, "web", 20).totals();
        assertEquals(1, web.offered());
        assertEquals(0, web.missedCalls());
    }

    @Test
    void aGroupLeaderSeesOnlyTheirGroups() throws SQLException {
        twoDays();
        ServiceReport r = levels.report(DAY1, DAY2, null, 20, java.util.Set.of("医保"));
        assertEquals(1, r.totals().offered());
        assertEquals(1, r.totals().answered());
        assertEquals(0, r.totals().missedCalls());
        assertEquals(1, r.totals().ratings());
        assertEquals(java.util.List.of("医保"), r.groups().stream().map(ServiceReport.Group::group).toList());
        assertEquals(0, levels.report(DAY1, DAY2, null, 20, java.util.Set.of()).totals().offered(), "a leader of no group sees nothing");
    }

    @Test
    void theThresholdIsAParameter() throws SQLException {
        twoDays();
        assertEquals(5, levels.report(DAY1, DAY2, null, 40).totals().answeredWithin());
        assertEquals(0, levels.report(DAY1, DAY2, null, 0).totals().answeredWithin());
    }

    @Test
    void theSeedsArithmetic95AnsweredAnd5CalledBackIs100Accepted() throws SQLException {
        for (int i = 0; i < 19; i++) chat("voice", "12345", at(DAY1, 8, i), 3, "resolved");
        chat("voice", "12345", at(DAY1, 9, 0), null, "queue-timeout");
        task("MISSED_CALL", "voice", "12345", at(DAY1, 9, 10), 1, "DONE", "REACHED");
        ServiceFigures t = levels.report(DAY1, DAY1, null, 20).totals();
        assertEquals(0.95, t.answerRate(), 1e-9);
        assertEquals(0.05, t.callbackRate(), 1e-9);
        assertEquals(1.0, t.acceptanceRate(), 1e-9);
        assertEquals(t.answerRate() + t.callbackRate(), t.acceptanceRate(), 1e-9);
    }

    @Test
    void aMissedCallWhoseCallerThenLeftAVoiceMessageIsStillOneMissedCall() throws SQLException {
        chat("voice", "12345", at(DAY1, 9, 0), null, "queue-timeout");
        // the queue timed out, the IVR offered a voice message: it merged into the missed call's task (kind VOICEMAIL, contacts 2)
        task("VOICEMAIL", "no_agent", "call-9.wav", "voice", "12345", at(DAY1, 9, 10), 2, "DONE", "REACHED");
        ServiceFigures t = levels.report(DAY1, DAY1, null, 20).totals();
        assertEquals(1, t.missedCalls());
        assertEquals(1, t.reached());
        assertEquals(1.0, t.acceptanceRate(), 1e-9);
    }

    @Test
    void quietDaysAreListedWithNoRates() {
        ServiceReport r = levels.report(DAY1, DAY1.plusDays(6), null, 20);
        assertEquals(7, r.days().size(), "every day of the range, for a weekly report");
        assertEquals(0, r.totals().offered());
        assertNull(r.totals().answerRate(), "no rate without a handover");
        assertNull(r.totals().averageWaitSeconds());
        assertTrue(r.groups().isEmpty());
    }

    @Test
    void badRangesAreRefusedSayingWhy() {
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class, () -> levels.report(DAY2, DAY1, null, 20));
        assertTrue(after.getMessage().contains("after"), after.getMessage());
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class, () -> levels.report(DAY1, DAY1.plusDays(366), null, 20));
        assertTrue(longer.getMessage().contains("366"), longer.getMessage());
        assertEquals(366, levels.report(DAY1, DAY1.plusDays(365), null, 20).days().size(), "366 days is allowed");
        assertThrows(IllegalArgumentException.class, () -> levels.report(DAY1, DAY1, null, -1));
    }
}
