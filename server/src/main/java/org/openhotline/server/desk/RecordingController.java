package org.openhotline.server.desk;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.desk.account.Account;
import org.openhotline.desk.account.Role;
import org.openhotline.server.auth.Gate;
import org.openhotline.server.http.BadRequest;
import org.openhotline.server.http.ByteRange;
import org.openhotline.server.telephony.JdbcRecordingIndex;
import org.openhotline.telephony.recording.RecordingInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call recordings in the console: {@code GET /api/desk/recordings} lists them (an agent their own calls; group leaders,
 * supervisors and admins every call) and {@code GET /api/desk/recordings/{id}/audio} plays one with HTTP Range support
 * so the player can seek ({@code ?channel=caller|agent} plays one side as mono). The file is found through the index row,
 * never from a path in the request.
 */
public final class RecordingController {
    private static final Logger log = LoggerFactory.getLogger(RecordingController.class);
    private static final ZoneId DAYS = ZoneId.of("Asia/Shanghai");
    private static final Role[] READERS = {Role.AGENT, Role.GROUP_LEADER, Role.SUPERVISOR};
    private static final int MAX_LIMIT = 500;

    private final JdbcRecordingIndex index;
    private final Path dir;

    public RecordingController(JdbcRecordingIndex index, Path dir) {
        this.index = index;
        this.dir = dir.toAbsolutePath().normalize();
    }

    public void register(Javalin app) {
        app.get("/api/desk/recordings", this::list);
        app.get("/api/desk/recordings/{id}/audio", this::audio);
    }

    void list(Context ctx) {
        Account me = Gate.require(ctx, READERS);
        Instant from = day(ctx.queryParam("from"), "from", 0);
        Instant to = day(ctx.queryParam("to"), "to", 1);
        String agent = blankToNull(ctx.queryParam("agent"));
        List<String> agents = seesAll(me) ? (agent == null ? null : List.of(agent)) : own(me);
        var rows = index.search(new JdbcRecordingIndex.Query(from, to, blankToNull(ctx.queryParam("caller")),
                blankToNull(ctx.queryParam("group")), agents, blankToNull(ctx.queryParam("chat")), blankToNull(ctx.queryParam("task")),
                limit(ctx.queryParam("limit"))));
        ctx.json(Map.of("count", rows.size(), "recordings", rows.stream().map(RecordingController::json).toList()));
    }

    void audio(Context ctx) throws IOException {
        Account me = Gate.require(ctx, READERS);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad_id", "a recording id is a number");
        }
        RecordingInfo r = index.find(id).orElseThrow(() -> new BadRequest(404, "not_found", "no recording " + id)).info();
        if (!seesAll(me) && !own(me).contains(r.agentId())) throw new BadRequest(403, "not_yours", "agents hear only their own calls");
        Path file = dir.resolve(r.file()).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            log.warn("recording {} is indexed but its file {} is missing", id, r.file());
            throw new BadRequest(404, "file_missing", "the recording's file is no longer there (retention?)");
        }
        ctx.header("Cache-Control", "private, max-age=3600");
        String channel = ctx.queryParam("channel");
        if (channel == null || channel.isBlank() || channel.equals("both")) {
            ByteRange.send(ctx, Files.newInputStream(file), "audio/wav", Files.size(file));
            return;
        }
        int which = switch (channel) {
            case "caller" -> 0;
            case "agent" -> 1;
            default -> throw new BadRequest(400, "bad_channel", "channel is caller, agent or both");
        };
        ChannelStream mono = new ChannelStream(file, which);
        ByteRange.send(ctx, mono, "audio/wav", mono.length());
    }

    private static boolean seesAll(Account me) {
        return me.has(Role.GROUP_LEADER, Role.SUPERVISOR);
    }

    /**
     * An agent's calls are indexed under the account id (desk routing) or the user name (phones configured by name). A
     * user name of digits only is not matched: it could be another agent's account id ("12" would hear account 12's calls).
     */
    static List<String> own(Account me) {
        String id = People.idOf(me);
        return me.username().chars().allMatch(Character::isDigit) || me.username().equals(id) ? List.of(id) : List.of(id, me.username());
    }

    private static Map<String, Object> json(JdbcRecordingIndex.Row row) {
        RecordingInfo r = row.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        m.put("callId", r.callId());
        m.put("chatId", r.chatId());
        m.put("caller", r.caller());
        m.put("agentId", r.agentId());
        m.put("skillGroup", r.skillGroup());
        m.put("startedAt", r.startedAt().toString());
        m.put("durationMs", r.durationMs());
        m.put("endReason", r.endReason());
        m.put("callbackTaskId", r.callbackTaskId());
        m.put("audio", "/api/desk/recordings/" + row.id() + "/audio");
        return m;
    }

    /** {@code 2026-12-06} (a day in China time; {@code to} includes it) or an ISO instant. */
    private static Instant day(String v, String name, int plusDays) {
        if (v == null || v.isBlank()) return null;
        try {
            return v.length() == 10 ? LocalDate.parse(v).plusDays(plusDays).atStartOfDay(DAYS).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, "bad_" + name, name + " is a day (2026-12-06) or an instant (2026-12-06T08:00:00Z)");
        }
    }

    private static int limit(String v) {
        if (v == null || v.isBlank()) return 100;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= MAX_LIMIT) return n;
        } catch (NumberFormatException ignored) {
            // the same answer as a number out of range
        }
        throw new BadRequest(400, "bad_limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
