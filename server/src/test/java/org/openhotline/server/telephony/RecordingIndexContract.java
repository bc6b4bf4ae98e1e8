package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhotline.telephony.recording.RecordingInfo;

/** What the call_recording index must do on every database: add once per file, find by id, filter, newest first. */
abstract class RecordingIndexContract {
    abstract JdbcRecordingIndex index();

    private static RecordingInfo rec(String call, String caller, String agent, String group, String at) {
        return new RecordingInfo(call, null, caller, agent, group, Instant.parse(at), 61_000, "2026-12-06/" + call + ".wav", "caller_hangup");
    }

    @Test
    void recordingsAreIndexedOnceAndFilteredNewestFirst() {
        JdbcRecordingIndex index = index();
        index.saved(rec("a", "13800138000", "7", "社保", "2026-12-06T01:00:00Z"));
        index.saved(rec("b", "13911112222", "8", "交通", "2026-12-06T03:00:00Z"));
        index.saved(rec("c", "13800130000", "7", "社保", "2026-12-05T23:00:00Z"));
        index.saved(rec("a", "13800138000", "7", "社保", "2026-12-06T01:00:00Z")); // recovered twice: still one row

        var all = index.search(new JdbcRecordingIndex.Query(null, null, null, null, null, 100));
        assertEquals(List.of("b", "a", "c"), all.stream().map(r -> r.info().callId()).toList());
        assertEquals(List.of("a", "c"), calls(index.search(new JdbcRecordingIndex.Query(null, null, null, null, List.of("7", "agent7"), 100))));
        assertEquals(List.of("a"), calls(index.search(new JdbcRecordingIndex.Query(Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-06T02:00:00Z"), null, null, null, 100))));
        assertEquals(List.of("a", "c"), calls(index.search(new JdbcRecordingIndex.Query(null, null, "3800", "社保", null, 100))));
        assertEquals(List.of(), calls(index.search(new JdbcRecordingIndex.Query(null, null, "%", null, null, 100))), "LIKE wildcards are literal");
        assertEquals(1, index.search(new JdbcRecordingIndex.Query(null, null, null, null, null, 1)).size());
        index.saved(new RecordingInfo("d", "42", "13800138000", "7", "社保", Instant.parse("2026-12-04T01:00:00Z"), 5_000, "2026-12-04/d.wav", "caller_hangup"));
        assertEquals(List.of("d"), calls(index.search(new JdbcRecordingIndex.Query(null, null, null, null, null, "42", 100))), "a chat's recordings");
        assertEquals(List.of(), calls(index.search(new JdbcRecordingIndex.Query(null, null, null, null, List.of("8"), "42", 100))), "and still only the agent's own");

        var found = index.find(all.getFirst().id()).orElseThrow().info();
        assertEquals(rec("b", "13911112222", "8", "交通", "2026-12-06T03:00:00Z"), found);
        assertTrue(index.find(all.getFirst().id() + 1000).isEmpty());
    }

    private static List<String> calls(List<JdbcRecordingIndex.Row> rows) {
        return rows.stream().map(r -> r.info().callId()).toList();
    }
}
