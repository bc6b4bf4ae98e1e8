package org.openhotline.server.http;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openhotline.desk.callback.CallbackKind;
import org.openhotline.desk.callback.NewCallback;

/** Click-to-dial is off without the phone channel and telephony.outbound-uri: the console hides 回拨, the API names the setting. */
class CallbackDialOffApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.builder().env("HOTLINE_AUTH_SAMPLE_ACCOUNTS", "true").build();

    @Test
    void dialingIsRefusedNamingTheSetting() throws Exception {
        String id = String.valueOf(server.app().desk().orElseThrow().callbacks()
                .create(NewCallback.call(CallbackKind.MISSED_CALL, "13966667777", "社保", "no_agent", "off-call-1")).id());
        DeskSession agent2 = DeskSession.login(server, "agent2", "demo-agent2-2026");
        JsonNode list = agent2.expect(200, "GET", "/api/desk/callbacks", null);
        assertFalse(list.path("dialEnabled").asBoolean(true), list.toString());
        agent2.expect(200, "POST", "/api/desk/callbacks/" + id + "/claim", "{}");
        var refused = agent2.call("POST", "/api/desk/callbacks/" + id + "/dial", "{}");
        TestServer.assertError(refused, 409, "dial_off");
        assertTrue(refused.body().contains("telephony.outbound-uri"), refused.body());
        assertTrue(agent2.expect(200, "GET", "/api/desk/callbacks/" + id, null).path("call").isNull(), "no call field without a call");
    }
}
