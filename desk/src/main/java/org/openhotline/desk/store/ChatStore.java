package org.openhotline.desk.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.openhotline.bot.BotJson;
import org.openhotline.bot.handoff.HandoffSummary;
import org.openhotline.desk.chat.Chat;
import org.openhotline.desk.chat.ChatStatus;
import org.openhotline.desk.routing.WaitingChat;

/**
 * Chats in table {@code desk_chat}. Every move between states is an UPDATE conditioned on the state it leaves, so
 * of two nodes moving the same chat exactly one succeeds; moves that change an agent's load do so in the same
 * transaction ({@link AgentStore#claim}, {@link AgentStore#release}).
 */
public final class ChatStore {
    private static final String COLUMNS = "chat_id, session_id, channel, source, skill_group, status, agent_id, priority, summary, queued_at, "
            + "accepted_at, ended_at, end_reason, wrap_up_note";
    private final Jdbc jdbc;
    private final ObjectMapper json = BotJson.mapper();

    public ChatStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** A new QUEUED chat; returns its id. */
    public long create(HandoffSummary s, String source, int priority, Long handoffId, String preferredAgent, Instant now) {
        String summary = json(s);
        return jdbc.tx("queue a chat", c -> Jdbc.insert(c, "INSERT INTO desk_chat (session_id, channel, source, skill_group, first_group, status, priority, "
                        + "summary, handoff_id, queued_at, last_seq, overflowed, preferred_agent, declined_csv, notified_position, agent_read_seq, "
                        + "citizen_read_seq) VALUES (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, 0, FALSE, ?, '', 0, 0, 0)",
                s.sessionId(), s.channel(), source, s.skillGroup(), s.skillGroup(), priority, summary, handoffId, now, preferredAgent));
    }

    /** Replaces an open chat's summary (a later handover added to it); false once the chat has ended. */
    public boolean summary(String chatId, HandoffSummary s) {
        return jdbc.update("update a chat's summary", "UPDATE desk_chat SET summary = ? WHERE chat_id = ? AND status <> 'ENDED'", json(s), id(chatId)) == 1;
    }

    private String json(HandoffSummary s) {
        try {
            return json.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("desk: could not write a handoff summary", e);
        }
    }

    public Optional<Chat> find(String chatId) {
        long id = id(chatId);
        return jdbc.tx("read a chat", c -> find(c, id));
    }

    Optional<Chat> find(Connection c, long id) throws SQLException {
        List<String> participants = Jdbc.query(c, "SELECT agent_id FROM desk_chat_participant WHERE chat_id = ? ORDER BY joined_at", rs -> rs.getString(1), id);
        return Jdbc.query(c, "SELECT " + COLUMNS + " FROM desk_chat WHERE chat_id = ?", rs -> chat(rs, participants), id).stream().findFirst();
    }

    /** The citizen's chat that is not over yet (queued, offered or active), if any. */
    public Optional<Chat> openOf(String sessionId) {
        return jdbc.query("find a citizen's chat", "SELECT " + COLUMNS + " FROM desk_chat WHERE session_id = ? AND status <> 'ENDED' ORDER BY chat_id DESC",
                rs -> chat(rs, List.of()), sessionId).stream().findFirst();
    }

    /** Chats an agent owns or was invited into, not ended. */
    public List<Chat> ofAgent(String agentId) {
        return jdbc.tx("list an agent's chats", c -> {
            List<Long> ids = Jdbc.query(c, "SELECT chat_id FROM desk_chat WHERE agent_id = ? AND status IN ('OFFERED', 'ACTIVE') UNION "
                    + "SELECT p.chat_id FROM desk_chat_participant p JOIN desk_chat d ON d.chat_id = p.chat_id WHERE p.agent_id = ? AND d.status = 'ACTIVE'",
                    rs -> rs.getLong(1), agentId, agentId);
            List<Chat> out = new java.util.ArrayList<>();
            for (long id : ids.stream().sorted().toList()) find(c, id).ifPresent(out::add);
            return out;
        });
    }

    /** All waiting chats, for routing and positions. */
    public List<Waiting> queued() {
        // the transfer reason comes from the handoff_request row: reading each summary's JSON every second would not
        return jdbc.query("read the queue", "SELECT d.chat_id, d.session_id, d.channel, d.source, d.skill_group, d.priority, d.queued_at, "
                + "d.preferred_agent, d.declined_csv, d.overflowed, d.notified_position, h.reason FROM desk_chat d "
                + "LEFT JOIN handoff_request h ON h.handoff_id = d.handoff_id WHERE d.status = 'QUEUED'", rs -> new Waiting(
                new WaitingChat(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(5), rs.getInt(6), Jdbc.instant(rs, "queued_at"),
                        rs.getString(8), new HashSet<>(Jdbc.csv(rs.getString(9))), WaitingChat.VOICE.equals(rs.getString(3))),
                rs.getString(3), rs.getString(4), rs.getBoolean(10), rs.getInt(11), rs.getString(12)));
    }

    /** A queued chat with what positions, overflow and the console need besides routing. */
    public record Waiting(WaitingChat chat, String channel, String source, boolean overflowed, int notifiedPosition, String reason) {}

    /** QUEUED → OFFERED (or ACTIVE when {@code active}) to the agent, taking a place of their capacity; false if lost. */
    public boolean claim(String chatId, String agentId, int limit, boolean active, Instant now, Instant offerExpires) {
        long id = id(chatId);
        return jdbc.tx("claim a chat", c -> {
            if (!AgentStore.claim(c, agentId, limit, true, now)) return false;
            if (Jdbc.update(c, "UPDATE desk_chat SET status = ?, agent_id = ?, offer_expires = ?, accepted_at = ? WHERE chat_id = ? AND status = 'QUEUED'",
                    active ? ChatStatus.ACTIVE : ChatStatus.OFFERED, agentId, active ? null : offerExpires, active ? now : null, id) == 1) return true;
            c.rollback();
            return false;
        });
    }

    /** OFFERED to this agent → ACTIVE. */
    public boolean acceptOffer(String chatId, String agentId, Instant now) {
        return jdbc.update("accept a chat", "UPDATE desk_chat SET status = 'ACTIVE', accepted_at = ?, offer_expires = NULL WHERE chat_id = ? AND status = 'OFFERED' "
                + "AND agent_id = ?", now, id(chatId), agentId) == 1;
    }

    /** OFFERED → QUEUED (declined or expired): the agent's place is given back and they are tried last next time. */
    public boolean returnOffer(String chatId, String agentId, boolean onlyIfExpired, Instant now) {
        long id = id(chatId);
        return jdbc.tx("return an offer", c -> {
            List<String> declined = Jdbc.query(c, "SELECT declined_csv FROM desk_chat WHERE chat_id = ?", rs -> rs.getString(1), id).stream()
                    .findFirst().map(Jdbc::csv).orElse(List.of());
            java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>(declined);
            set.add(agentId);
            String csv = Jdbc.csv(set.stream().skip(Math.max(0, set.size() - 20)).toList());
            int n = Jdbc.update(c, "UPDATE desk_chat SET status = 'QUEUED', agent_id = NULL, offer_expires = NULL, declined_csv = ? WHERE chat_id = ? "
                    + "AND status = 'OFFERED' AND agent_id = ?" + (onlyIfExpired ? " AND offer_expires <= ?" : ""),
                    onlyIfExpired ? new Object[] {csv, id, agentId, now} : new Object[] {csv, id, agentId});
            if (n == 1) AgentStore.release(c, agentId, null);
            return n == 1;
        });
    }

    /** Offers whose time ran out: (chat, agent). */
    public List<String[]> expiredOffers(Instant now) {
        return jdbc.query("find expired offers", "SELECT chat_id, agent_id FROM desk_chat WHERE status = 'OFFERED' AND offer_expires <= ?",
                rs -> new String[] {String.valueOf(rs.getLong(1)), rs.getString(2)}, now);
    }

    /** Offers made to an agent (they went away: give them back). */
    public List<String> offersTo(String agentId) {
        return jdbc.query("find an agent's offers", "SELECT chat_id FROM desk_chat WHERE status = 'OFFERED' AND agent_id = ?",
                rs -> String.valueOf(rs.getLong(1)), agentId);
    }

    /**
     * ACTIVE (or OFFERED / QUEUED) → ENDED; the owner's place is given back and, for an agent's end, wrap-up begins.
     * False when the chat was already over.
     */
    public boolean end(String chatId, String reason, String note, Instant now, Instant wrapUpUntil) {
        long id = id(chatId);
        return jdbc.tx("end a chat", c -> {
            List<String[]> row = Jdbc.query(c, "SELECT status, agent_id FROM desk_chat WHERE chat_id = ?", rs -> new String[] {rs.getString(1), rs.getString(2)}, id);
            if (row.isEmpty() || ChatStatus.ENDED.name().equals(row.get(0)[0])) return false;
            String status = row.get(0)[0];
            String agent = row.get(0)[1];
            if (Jdbc.update(c, "UPDATE desk_chat SET status = 'ENDED', ended_at = ?, end_reason = ?, wrap_up_note = ?, offer_expires = NULL "
                    + "WHERE chat_id = ? AND status = ?", now, reason, note, id, status) != 1) return false;
            if (agent != null && !ChatStatus.QUEUED.name().equals(status)) {
                AgentStore.release(c, agent, ChatStatus.ACTIVE.name().equals(status) ? now : null);
                if (wrapUpUntil != null && ChatStatus.ACTIVE.name().equals(status)) AgentStore.wrapUp(c, agent, now, wrapUpUntil);
            }
            Jdbc.update(c, "UPDATE handoff_request SET status = 'closed' WHERE handoff_id = (SELECT handoff_id FROM desk_chat WHERE chat_id = ?)", id);
            return true;
        });
    }

    /** ACTIVE with {@code fromAgent} → OFFERED to another agent (or ACTIVE when {@code active}), moving the load. */
    public boolean transferToAgent(String chatId, String fromAgent, String toAgent, int limit, boolean active, Instant now, Instant offerExpires) {
        long id = id(chatId);
        return jdbc.tx("transfer a chat", c -> {
            if (!AgentStore.claim(c, toAgent, limit, false, now)) return false;
            if (Jdbc.update(c, "UPDATE desk_chat SET status = ?, agent_id = ?, offer_expires = ?, accepted_at = ? WHERE chat_id = ? AND status = 'ACTIVE' "
                    + "AND agent_id = ?", active ? ChatStatus.ACTIVE : ChatStatus.OFFERED, toAgent, active ? null : offerExpires, active ? now : null,
                    id, fromAgent) != 1) {
                c.rollback();
                return false;
            }
            AgentStore.release(c, fromAgent, now);
            Jdbc.update(c, "DELETE FROM desk_chat_participant WHERE chat_id = ? AND agent_id = ?", id, toAgent);
            return true;
        });
    }

    /** ACTIVE with {@code fromAgent} → QUEUED in {@code group} (keeping its place by the time it first queued). */
    public boolean transferToGroup(String chatId, String fromAgent, String group, Instant now) {
        long id = id(chatId);
        return jdbc.tx("transfer a chat to a group", c -> {
            if (Jdbc.update(c, "UPDATE desk_chat SET status = 'QUEUED', agent_id = NULL, skill_group = ?, accepted_at = NULL, declined_csv = ?, "
                    + "notified_position = 0 WHERE chat_id = ? AND status = 'ACTIVE' AND agent_id = ?", group, fromAgent, id, fromAgent) != 1) return false;
            AgentStore.release(c, fromAgent, now);
            return true;
        });
    }

    /** A waiting chat moves to the overflow group once. */
    public boolean overflow(String chatId, String from, String to) {
        return jdbc.update("overflow a chat", "UPDATE desk_chat SET skill_group = ?, overflowed = TRUE, notified_position = 0 WHERE chat_id = ? "
                + "AND status = 'QUEUED' AND skill_group = ? AND overflowed = FALSE", to, id(chatId), from) == 1;
    }

    /** Records the position told to the citizen; false when another node already told it. */
    public boolean notePosition(String chatId, int position) {
        return jdbc.update("note a position", "UPDATE desk_chat SET notified_position = ? WHERE chat_id = ? AND status = 'QUEUED' AND notified_position <> ?",
                position, id(chatId), position) == 1;
    }

    /** Replaces the wrap-up notes of an ended chat of this agent. */
    public boolean notes(String chatId, String agentId, String notes) {
        return jdbc.update("store wrap-up notes", "UPDATE desk_chat SET wrap_up_note = ? WHERE chat_id = ? AND agent_id = ? AND status = 'ENDED'",
                notes, id(chatId), agentId) == 1;
    }

    public void invite(String chatId, String agentId, String by, Instant now) {
        jdbc.tx("invite into a chat", c -> {
            long id = id(chatId);
            if (Jdbc.query(c, "SELECT agent_id FROM desk_chat_participant WHERE chat_id = ? AND agent_id = ?", rs -> 1, id, agentId).isEmpty()) {
                Jdbc.update(c, "INSERT INTO desk_chat_participant (chat_id, agent_id, invited_by, joined_at) VALUES (?, ?, ?, ?)", id, agentId, by, now);
            }
            return null;
        });
    }

    public void read(String chatId, boolean citizen, long seq) {
        String column = citizen ? "citizen_read_seq" : "agent_read_seq";
        jdbc.update("note read state", "UPDATE desk_chat SET " + column + " = ? WHERE chat_id = ? AND " + column + " < ?", seq, id(chatId), seq);
    }

    /** The agent the citizen last talked to, if that chat ended after {@code since}. */
    public Optional<String> lastAgentOf(String sessionId, Instant since) {
        return jdbc.query("find a citizen's last agent", "SELECT agent_id FROM desk_chat WHERE session_id = ? AND status = 'ENDED' AND agent_id IS NOT NULL "
                + "AND accepted_at IS NOT NULL AND ended_at >= ? ORDER BY ended_at DESC LIMIT 1", rs -> rs.getString(1), sessionId, since).stream().findFirst();
    }

    /** Ended chats of a citizen, newest first. */
    public List<Chat> endedOf(String sessionId, int limit) {
        return jdbc.query("list a citizen's chats", "SELECT " + COLUMNS + " FROM desk_chat WHERE session_id = ? AND status = 'ENDED' ORDER BY chat_id DESC LIMIT ?",
                rs -> chat(rs, List.of()), sessionId, limit);
    }

    /** Handle times (accepted → ended) of a group's last {@code n} chats, for the wait estimate. */
    public List<Duration> recentHandleTimes(String group, int n) {
        return jdbc.query("read handle times", "SELECT accepted_at, ended_at FROM desk_chat WHERE skill_group = ? AND status = 'ENDED' AND accepted_at IS NOT NULL "
                + "ORDER BY ended_at DESC LIMIT ?", rs -> Duration.between(Jdbc.instant(rs, "accepted_at"), Jdbc.instant(rs, "ended_at")), group, n);
    }

    /** Chats waiting longer than the timeout (queue-timeout candidates) are found by the caller from {@link #queued()}. */
    static long id(String chatId) {
        try {
            return Long.parseLong(chatId);
        } catch (NumberFormatException | NullPointerException e) {
            throw new org.openhotline.desk.DeskException("not_found", "chat " + chatId + " not found");
        }
    }

    private Chat chat(ResultSet rs, List<String> participants) throws SQLException {
        HandoffSummary summary;
        try {
            summary = json.readValue(rs.getString("summary"), HandoffSummary.class);
        } catch (java.io.IOException e) {
            summary = null;
        }
        return new Chat(String.valueOf(rs.getLong("chat_id")), rs.getString("session_id"), rs.getString("channel"), rs.getString("source"),
                rs.getString("skill_group"), ChatStatus.valueOf(rs.getString("status")), rs.getString("agent_id"), participants, rs.getInt("priority"), summary,
                Jdbc.instant(rs, "queued_at"), Jdbc.instant(rs, "accepted_at"), Jdbc.instant(rs, "ended_at"), rs.getString("end_reason"),
                rs.getString("wrap_up_note"));
    }
}
