package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhotline.kb.store.Database;
import org.openhotline.telephony.recording.RecordingInfo;

/** A call back's recording names its call-back task in the index (V16), like a routed call names its chat. */
class RecordingCallbackTaskIndexTest {
    private final Database db = Database.open("jdbc:h2:mem:rectask" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL", null, null, 2);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTasksCallsBackAreFoundByItsId() {
        JdbcRecordingIndex index = new JdbcRecordingIndex(db.dataSource());
        Instant at = Instant.parse("2026-12-06T02:00:00Z");
        index.saved(new RecordingInfo("cb-1", null, "13922223333", "7", "社保", at, 30_000, "2026-12-06/cb-1.wav", "agent_hangup", "77"));
        index.saved(new RecordingInfo("in-1", "42", "13922223333", "7", "社保", at.plusSeconds(60), 30_000, "2026-12-06/in-1.wav", "caller_hangup"));
        var rows = index.search(new JdbcRecordingIndex.Query(null, null, null, null, null, null, "77", 100));
        assertEquals(List.of("cb-1"), rows.stream().map(r -> r.info().callId()).toList());
        assertEquals("77", index.find(rows.getFirst().id()).orElseThrow().info().callbackTaskId());
        assertNull(index.search(new JdbcRecordingIndex.Query(null, null, null, null, null, "42", 100)).getFirst().info().callbackTaskId());
    }
}
