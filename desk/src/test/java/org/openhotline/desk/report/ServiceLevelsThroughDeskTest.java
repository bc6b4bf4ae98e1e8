package org.openhotline.desk.report;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.script.MovableClock;
import org.openhotline.desk.DeskBuilder;
import org.openhotline.desk.DeskEngine;
import org.openhotline.desk.DeskSettings;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.CallbackOutcome;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.NewCallback;
import org.openhotline.desk.presence.AgentProfile;
import org.openhotline.desk.presence.Presence;
import org.openhotline.kb.store.Database;

/**
 * The report over rows the real desk wrote (H2): an accepted and rated chat, a citizen who left the queue, a queue
 * timeout, and a missed call called back — so the end-reason codes, outcomes and columns the report reads are the ones
 * the desk and the call-back tasks really use.
 */
class ServiceLevelsThroughDeskTest {
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z"); // 10:00 in Beijing
    final Database database = Database.open("jdbc:h2:mem:sladesk" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
    final MovableClock clock = new MovableClock(START, ZoneId.of("Asia/Shanghai"));
    final DeskEngine desk = DeskBuilder.over(database.dataSource())
            .settings(DeskSettings.fromTree(Map.of("default-group", "12345", "offer-seconds", 600,
                    "groups", List.of(Map.of("code", "社保", "strategy", "least-busy", "queue-timeout-seconds", 60), Map.of("code", "12345")))))
            .agents(id -> Optional.of(new AgentProfile(id, "客服" + id, List.of("社保"), 1, false))).clock(clock).background(false).build();

    @AfterEach
    void close() {
        desk.close();
        database.close();
    }

    String handover(String session) {
        return desk.request(HandoffKind.TRANSFER, new HandoffSummary(session, "web", "keyword", "asked for a person", "社保", List.of("citizen: 转人工"),
                List.of("ask_human"), List.of(), null, Map.of(), null, clock.instant()), null, null).id();
    }

    @Test
    void theFiguresOfWhatTheDeskWrote() {
        desk.presence("a1", Presence.ONLINE);
        String answered = handover("s1");
        clock.advance(Duration.ofSeconds(7));
        desk.accept("a1", answered); // a1 is now full: the next two wait
        handover("s2");
        clock.advance(Duration.ofSeconds(10));
        desk.citizenLeft("s2");
        handover("s3");
        clock.advance(Duration.ofSeconds(61));
        desk.tick(); // s3's queue timeout
        desk.end("a1", answered, "solved", null);
        assertTrue(desk.rate("s1", answered, 4, List.of(), null));
        CallbackViewer a1 = new CallbackViewer("a1", List.of("社保"), false);
        CallbackTask missed = desk.callbacks().create(NewCallback.call(CallbackKind.MISSED_CALL, "13800138000", "社保", "unanswered", "call-1"));
        desk.callbacks().create(NewCallback.call(CallbackKind.ABANDONED, "13800138000", "社保", "abandoned", "call-2")); // merged: 2 calls
        desk.callbacks().claim(a1, missed.id());
        desk.callbacks().attempt(a1, missed.id(), CallbackOutcome.REACHED, "已回电");

        ServiceFigures f = new ServiceLevels(database.dataSource(), ZoneId.of("Asia/Shanghai")).report(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), null, 20).totals();
        assertEquals(3, f.offered());
        assertEquals(1, f.answered());
        assertEquals(7.0, f.averageWaitSeconds(), 1e-9);
        assertEquals(1, f.answeredWithin());
        assertEquals(1, f.abandoned(), "the desk's citizen-left");
        assertEquals(1, f.timedOut(), "the desk's queue-timeout");
        assertEquals(2, f.missedCalls(), "one task, two calls");
        assertEquals(2, f.reached());
        assertEquals(1.0, f.acceptanceRate(), 1e-9);
        assertEquals(1, f.ratings());
        assertEquals(4.0, f.ratingAverage(), 1e-9);
    }
}
