package org.openhotline.server.telephony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.desk.People;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.JsonBody;

/**
 * Attended transfer of a phone call from the console ("咨询转接"): {@code POST /api/desk/chats/{id}/consult {"agentId"}}
 * holds the caller with music and rings the colleague (answers once they picked up or not: {"consulting": true|false}),
 * {@code …/consult/complete} passes the caller and the chat to them, {@code …/consult/cancel} goes back to the caller.
 * Only the agent on the line; refusals are the desk's JSON errors.
 */
final class ConsultRoutes {
    private static final Role[] WORKERS = {Role.AGENT, Role.GROUP_LEADER};
    private final PhoneQueue queue;
    private final Duration ringTimeout;
    private final ObjectMapper json = new ObjectMapper();

    ConsultRoutes(PhoneQueue queue, Duration ringTimeout) {
        this.queue = queue;
        this.ringTimeout = ringTimeout;
    }

    void register(Javalin app) {
        app.post("/api/desk/chats/{id}/consult", this::consult);
        app.post("/api/desk/chats/{id}/consult/complete", this::complete);
        app.post("/api/desk/chats/{id}/consult/cancel", this::cancel);
    }

    private void consult(Context ctx) throws Exception {
        Account me = Gate.require(ctx, WORKERS);
        String colleague = colleague(ctx);
        boolean answered;
        try {
            answered = queue.consult(ctx.pathParam("id"), People.idOf(me), colleague).get(ringTimeout.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answered = false;
        }
        ctx.json(Map.of("consulting", answered, "agentId", colleague));
    }

    private void complete(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        var chat = queue.completeConsult(ctx.pathParam("id"), People.idOf(me), colleague(ctx));
        ctx.json(Map.of("transferred", true, "agentId", chat.agentId()));
    }

    private void cancel(Context ctx) {
        Account me = Gate.require(ctx, WORKERS);
        ctx.json(Map.of("cancelled", queue.cancelConsult(ctx.pathParam("id"), People.idOf(me))));
    }

    private String colleague(Context ctx) {
        JsonNode body = JsonBody.object(json, ctx.body(), "{\"agentId\":7}", List.of("agentId"));
        if (!body.hasNonNull("agentId")) throw new BadRequest(400, "missing_agentId", "field 'agentId' is required");
        return body.get("agentId").asText();
    }
}
