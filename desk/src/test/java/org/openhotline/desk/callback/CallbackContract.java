package org.openhotline.desk.callback;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.bot.handoff.HandoffKind;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.bot.handoff.JdbcHandoffQueue;
import org.openhotline.bot.script.MovableClock;
import org.openhotline.desk.DeskBuilder;
import org.openhotline.desk.DeskEngine;
import org.openhotline.desk.DeskException;
import org.openhotline.desk.DeskSettings;
import org.openhotline.desk.event.DeskEvent;

/** Call-back tasks on a real database, through the desk as the server builds it; run on H2 (unit) and PostgreSQL (IT). */
abstract class CallbackContract {
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    static final CallbackViewer A1 = new CallbackViewer("a1", List.of("社保"), false);
    static final CallbackViewer A2 = new CallbackViewer("a2", List.of("社保"), false);
    static final CallbackViewer OTHER = new CallbackViewer("b1", List.of("医保"), false);
    static final CallbackViewer LEADER = new CallbackViewer("l1", List.of(), true);

    final MovableClock clock = new MovableClock(START, ZoneId.of("Asia/Shanghai"));
    final List<DeskEvent> events = new CopyOnWriteArrayList<>();
    DeskEngine desk;
    Callbacks tasks;

    abstract DataSource db();

    @BeforeEach
    void build() {
        desk = DeskBuilder.over(db()).settings(DeskSettings.fromTree(Map.of("default-group", "12345", "callback-max-attempts", 3,
                "callback-claim-minutes", 30, "callback-due-hours", 24))).clock(clock).background(false).build();
        desk.subscribe(events::add);
        tasks = desk.callbacks();
    }

    @AfterEach
    void closeDesk() {
        desk.close();
    }

    CallbackTask missed(String phone, String group, String callId) {
        return tasks.create(NewCallback.call(CallbackKind.MISSED_CALL, phone, group, "no_agent", callId));
    }

    @Test
    void repeatedCallsFromOneNumberAreOneTaskWithACountAndAVoiceMessageJoinsIt() {
        CallbackTask first = missed("13800138000", "社保", "call-1");
        clock.advance(Duration.ofHours(2));
        missed("13800138000", "社保", "call-2");
        CallbackTask third = tasks.create(NewCallback.call(CallbackKind.ABANDONED, "13800138000", "社保", "abandoned", "call-3"));
        assertEquals(first.id(), third.id(), "one task per caller");
        assertEquals(3, third.contacts());
        assertEquals("call-3", third.callId(), "the newest call names the task");
        assertEquals(first.dueAt(), third.dueAt(), "the citizen has waited since the first call");
        CallbackTask voice = tasks.create(NewCallback.voicemail("13800138000", "call-4", "call-4.wav", 5200));
        assertEquals(first.id(), voice.id());
        assertEquals(CallbackKind.VOICEMAIL, voice.kind(), "a voice message says more than a missed call");
        assertEquals("call-4.wav", voice.voiceFile());
        CallbackTask secondVoice = tasks.create(NewCallback.voicemail("13800138000", "call-5", "call-5.wav", 3000));
        assertNotEquals(first.id(), secondVoice.id(), "a second voice message is never dropped into the first's task");
        assertNotEquals(first.id(), missed("13900139000", "社保", "call-6").id(), "another number, another task");
        clock.advance(Duration.ofHours(25));
        CallbackTask nextDay = missed("13700137000", "社保", "call-7");
        clock.advance(Duration.ofHours(25));
        assertNotEquals(nextDay.id(), missed("13700137000", "社保", "call-8").id(), "a call a day later is a new task");
    }

    @Test
    void twoAgentsClaimingAtOnceOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = missed("1380013800" + round, "社保", "race-" + round).id();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (CallbackViewer v : List.of(A1, A2)) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            return tasks.claim(v, id).claimedBy();
                        } catch (DeskException e) {
                            return e.code();
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) outcomes.add(f.get());
                assertEquals(1, outcomes.stream().filter(o -> o.equals("bad_state")).count(), outcomes.toString());
                String winner = outcomes.stream().filter(o -> !o.equals("bad_state")).findFirst().orElseThrow();
                assertEquals(winner, tasks.find(LEADER, id).claimedBy());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void unansweredCallsReopenTheTaskUntilTheAttemptsRunOut() {
        long id = missed("13800138000", "社保", "c1").id();
        for (int i = 1; i <= 2; i++) {
            tasks.claim(A1, id);
            CallbackTask t = tasks.attempt(A1, id, CallbackOutcome.NO_ANSWER, "无人接听 " + i);
            assertEquals(CallbackStatus.OPEN, t.status());
            assertEquals(i, t.attempts());
            assertNull(t.claimedBy());
        }
        tasks.claim(A2, id);
        CallbackTask done = tasks.attempt(A2, id, CallbackOutcome.NO_ANSWER, null);
        assertEquals(CallbackStatus.DONE, done.status());
        assertEquals(CallbackOutcome.NO_ANSWER, done.outcome());
        assertEquals(3, done.attempts());
        assertNotNull(done.doneAt());
        assertEquals(3, done.notes().lines().count(), done.notes());
        assertTrue(done.notes().contains("无人接听 2"), done.notes());
        assertEquals("bad_state", assertThrows(DeskException.class, () -> tasks.claim(A1, id)).code(), "done tasks stay done");
    }

    @Test
    void reachingTheCitizenClosesTheTaskOnlyForTheAgentWhoClaimedIt() {
        long id = missed("13800138000", "社保", "c1").id();
        assertEquals("bad_state", assertThrows(DeskException.class, () -> tasks.attempt(A1, id, CallbackOutcome.REACHED, "")).code(),
                "claim first");
        tasks.claim(A1, id);
        assertEquals("not_yours", assertThrows(DeskException.class, () -> tasks.attempt(A2, id, CallbackOutcome.REACHED, "")).code());
        assertEquals("not_yours", assertThrows(DeskException.class, () -> tasks.release(A2, id)).code());
        CallbackTask done = tasks.attempt(A1, id, CallbackOutcome.REACHED, "已告知办理地点");
        assertEquals(CallbackStatus.DONE, done.status());
        assertEquals("a1", done.claimedBy(), "who called back is kept");
        assertEquals(0, done.attempts());
        assertEquals("bad_input", assertThrows(DeskException.class, () -> CallbackOutcome.fromWire("MAYBE")).code());
    }

    @Test
    void aClaimLapsesBackToOpenAfterTheClaimTime() {
        long id = missed("13800138000", "社保", "c1").id();
        tasks.claim(A1, id);
        clock.advance(Duration.ofMinutes(20));
        assertEquals("bad_state", assertThrows(DeskException.class, () -> tasks.claim(A2, id)).code(), "still a1's");
        desk.tick();
        assertEquals(CallbackStatus.CLAIMED, tasks.find(A1, id).status());
        clock.advance(Duration.ofMinutes(11));
        desk.tick();
        assertEquals(CallbackStatus.OPEN, tasks.find(A1, id).status(), "the timer gave it back to the group");
        assertTrue(events.stream().anyMatch(e -> e instanceof DeskEvent.Callbacks c && c.group().equals("社保") && c.open() == 1));
        tasks.claim(A1, id);
        clock.advance(Duration.ofMinutes(31));
        assertEquals("a2", tasks.claim(A2, id).claimedBy(), "a lapsed claim may be taken before the timer runs");
        assertEquals("not_yours", assertThrows(DeskException.class, () -> tasks.attempt(A1, id, CallbackOutcome.REACHED, null)).code(),
                "a1 lost it");
    }

    @Test
    void agentsSeeTheirGroupsOverdueFirstLeadersSeeAll() {
        long social = missed("13800000001", "社保", "c1").id();
        clock.advance(Duration.ofHours(1));
        long medical = missed("13800000002", "医保", "c2").id();
        clock.advance(Duration.ofHours(20));
        long recent = missed("13800000003", "社保", "c3").id();
        clock.advance(Duration.ofHours(4)); // social is overdue, recent is not
        assertEquals(List.of(social, recent), ids(tasks.list(A1, null, null)));
        assertEquals(List.of(medical), ids(tasks.list(OTHER, null, null)));
        assertEquals(List.of(social, medical, recent), ids(tasks.list(LEADER, null, null)));
        assertEquals("not_yours", assertThrows(DeskException.class, () -> tasks.find(OTHER, social)).code());
        assertEquals("not_yours", assertThrows(DeskException.class, () -> tasks.claim(OTHER, social)).code());
        assertEquals("not_yours", assertThrows(DeskException.class, () -> tasks.list(A1, null, "医保")).code());
        assertEquals("not_found", assertThrows(DeskException.class, () -> tasks.find(A1, 999_999)).code());

        tasks.claim(A2, recent);
        assertEquals(List.of(social), ids(tasks.list(A1, null, null)), "another agent's claim leaves a1's list");
        assertEquals(List.of(recent), ids(tasks.list(A2, CallbackStatus.CLAIMED, null)));
        assertEquals(List.of(recent), ids(tasks.list(LEADER, CallbackStatus.CLAIMED, null)));
        tasks.attempt(A2, recent, CallbackOutcome.WRONG_NUMBER, "空号");
        assertEquals(List.of(recent), ids(tasks.list(A1, CallbackStatus.DONE, null)));
        assertEquals(List.of(medical), ids(tasks.list(LEADER, CallbackStatus.OPEN, "医保")));
        assertTrue(tasks.list(A1, null, null).getFirst().overdue(clock.instant()));
    }

    @Test
    void messagesAndCallBackRequestsLeftWithTheBotBecomeTasksAndKeepTheirHandoffRow() {
        HandoffSummary s = new HandoffSummary("web-1", "web", "queue_timeout", "waited too long", "社保", List.of("citizen: 我要转人工"),
                List.of(), List.of(), null, Map.of(), null, START);
        String handoff = desk.request(HandoffKind.CALLBACK, s, null, "13800138000").id();
        String note = desk.request(HandoffKind.MESSAGE, new HandoffSummary("web-2", "web", "after_hours", null, null, List.of(), List.of(), List.of(),
                null, Map.of(), null, START), "社保卡丢了怎么补办", null).id();
        List<CallbackTask> all = tasks.list(LEADER, null, null);
        assertEquals(2, all.size());
        CallbackTask call = all.stream().filter(t -> t.kind() == CallbackKind.CALLBACK_REQUEST).findFirst().orElseThrow();
        assertEquals("13800138000", call.phone());
        assertEquals(Long.valueOf(handoff), call.handoffId());
        assertEquals("web-1", call.sessionId());
        assertEquals("社保", call.skillGroup());
        CallbackTask message = all.stream().filter(t -> t.kind() == CallbackKind.MESSAGE).findFirst().orElseThrow();
        assertEquals("社保卡丢了怎么补办", message.message());
        assertEquals("12345", message.skillGroup(), "no group: the desk's default group");
        assertEquals(Long.valueOf(note), message.handoffId());
        assertEquals(2, new JdbcHandoffQueue(db()).list("open", null, 10).size(), "the handoff rows are still there");
    }

    /** The carrier writes one number many ways; the agent must still see one citizen, and anonymous callers stay apart. */
    @Test
    void oneNumberWrittenManyWaysMergesButAnonymousCallersStayApart() {
        CallbackTask first = missed("+86 138-0013-8000", "社保", "n1");
        assertEquals("13800138000", first.phone(), "stored as the agent dials it");
        assertEquals(first.id(), missed("13800138000", "社保", "n2").id());
        assertEquals(first.id(), missed("008613800138000", "社保", "n3").id());
        assertEquals(first.id(), missed("013800138000", "社保", "n4").id(), "a trunk prefix 0 before a mobile number");
        assertEquals(4, tasks.find(LEADER, first.id()).contacts());
        CallbackTask landline = missed("+86 10 6512 3456", "社保", "n5");
        assertEquals("01065123456", landline.phone(), "a landline gets its trunk 0 back");
        assertEquals(landline.id(), missed("010-65123456", "社保", "n6").id());
        CallbackTask a = missed("anonymous", "社保", "anon-1");
        CallbackTask b = missed("Anonymous", "社保", "anon-2");
        CallbackTask c = missed("", "社保", "anon-3");
        CallbackTask d = missed(null, "社保", "anon-4");
        assertEquals(4, java.util.Set.of(a.id(), b.id(), c.id(), d.id()).size(), "every anonymous call is its own task");
        assertNull(a.phone(), "no number to dial");
        assertEquals(1, a.contacts());
    }

    /** Two nodes recording the first missed call of one number at the same instant make one task, not two. */
    @Test
    void twoNodesCreatingTheFirstTaskOfANumberAtOnceMakeOne() throws Exception {
        DeskEngine other = DeskBuilder.over(db()).settings(DeskSettings.fromTree(Map.of("default-group", "12345"))).clock(clock)
                .background(false).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                String phone = "1390013900" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> made = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Callbacks node = i % 2 == 0 ? tasks : other.callbacks();
                    String callId = "race-" + round + "-" + i;
                    made.add(pool.submit(() -> {
                        go.await();
                        return node.create(NewCallback.call(CallbackKind.MISSED_CALL, phone, "社保", "no_agent", callId)).id();
                    }));
                }
                go.countDown();
                java.util.Set<Long> ids = new java.util.HashSet<>();
                for (Future<Long> f : made) ids.add(f.get());
                assertEquals(1, ids.size(), "round " + round + ": " + ids);
                assertEquals(8, tasks.find(LEADER, ids.iterator().next()).contacts());
            }
        } finally {
            pool.shutdownNow();
            other.close();
        }
    }

    /** The list comes in pages, so an agent reaches every done task, not only the newest 500. */
    @Test
    void theListIsPaged() {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(missed("1370000000" + i, "社保", "p" + i).id());
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(made, ids(tasks.list(A1, null, null)));
        assertEquals(made.subList(0, 2), ids(tasks.list(A1, null, null, 0, 2)));
        assertEquals(made.subList(2, 4), ids(tasks.list(A1, null, null, 2, 2)));
        assertEquals(made.subList(4, 5), ids(tasks.list(A1, null, null, 4, 2)));
        assertEquals(List.of(), tasks.list(A1, null, null, 6, 2));
        for (int[] bad : new int[][] {{0, 0}, {0, 501}, {-1, 10}}) {
            assertEquals("bad_input", assertThrows(DeskException.class, () -> tasks.list(A1, null, null, bad[0], bad[1])).code());
        }
    }

    private static List<Long> ids(List<CallbackTask> ts) {
        return ts.stream().map(CallbackTask::id).toList();
    }
}
