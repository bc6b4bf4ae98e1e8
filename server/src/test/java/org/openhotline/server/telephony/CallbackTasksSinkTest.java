package org.openhotline.server.telephony;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhotline.desk.DeskBuilder;
import org.openhotline.desk.DeskEngine;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.CallbackTask;
import org.openhotline.desk.callback.CallbackViewer;
import org.openhotline.desk.callback.Callbacks;
import org.openhotline.kb.store.Database;
import org.openhotline.telephony.bridge.MissedCall;

/** The phone's reports as desk tasks, on a real desk over H2: reasons map to kinds, a voice message names its file. */
class CallbackTasksSinkTest {
    static final CallbackViewer ALL = new CallbackViewer("t", List.of(), true);
    Database database;
    DeskEngine desk;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:sink" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", null, null, 4);
        desk = DeskBuilder.over(database.dataSource()).background(false).build();
    }

    @AfterEach
    void close() {
        desk.close();
        database.close();
    }

    @Test
    void missedAndAbandonedCallsAndVoiceMessagesBecomeTasks() {
        CallbackTasksSink sink = new CallbackTasksSink(desk.callbacks());
        sink.add(new MissedCall("call-1", "13800138000", "社保", Instant.now(), "abandoned"));
        sink.add(new MissedCall("call-2", "13900139000", "医保", Instant.now(), "unanswered"));
        sink.add(new MissedCall("call-3", "13700137000", "医保", Instant.now(), "no_agent"));
        new IvrCallbackEvents(desk.callbacks()).voiceMessage("call-4", "13600136000", Path.of("/data/voice-messages/call-4.wav"), 4200);
        List<CallbackTask> all = desk.callbacks().list(ALL, null, null);
        assertEquals(List.of(CallbackKind.ABANDONED, CallbackKind.MISSED_CALL, CallbackKind.MISSED_CALL, CallbackKind.VOICEMAIL),
                all.stream().map(CallbackTask::kind).toList());
        assertEquals(List.of("abandoned", "unanswered", "no_agent", "voicemail"), all.stream().map(CallbackTask::reason).toList());
        assertEquals("社保", all.getFirst().skillGroup());
        assertEquals("call-1", all.getFirst().callId());
        CallbackTask voice = all.getLast();
        assertEquals("call-4.wav", voice.voiceFile(), "the file's name, never its path");
        assertEquals(4200L, voice.voiceMillis());
        assertEquals("12345", voice.skillGroup(), "the IVR names no group: the desk's default");
    }

    @Test
    void aFailingDeskNeverReachesTheCallersCall() {
        Callbacks broken = new Callbacks() {
            public CallbackTask create(org.openhotline.desk.callback.NewCallback t) { throw new IllegalStateException("database down"); }
            public List<CallbackTask> list(CallbackViewer w, org.openhotline.desk.callback.CallbackStatus s, String g) { return List.of(); }
            public CallbackTask find(CallbackViewer w, long id) { return null; }
            public CallbackTask claim(CallbackViewer w, long id) { return null; }
            public CallbackTask attempt(CallbackViewer w, long id, org.openhotline.desk.callback.CallbackOutcome o, String n) { return null; }
            public CallbackTask release(CallbackViewer w, long id) { return null; }
            public int expireClaims() { return 0; }
        };
        assertDoesNotThrow(() -> new CallbackTasksSink(broken).add(new MissedCall("c", "13800138000", "社保", Instant.now(), "abandoned")));
        assertDoesNotThrow(() -> new IvrCallbackEvents(broken).voiceMessage("c", "13800138000", Path.of("c.wav"), 1000));
    }
}
