package org.openhotline.desk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.openhotline.desk.presence.AgentProfile;
import org.openhotline.desk.presence.AgentState;
import org.openhotline.desk.presence.PhoneReach;
import org.openhotline.desk.presence.Presence;
import org.openhotline.desk.routing.AgentSlot;

/**
 * Agents' presence and load in table {@code desk_agent}. {@code chat_load} counts the chats offered to or active
 * with an agent and only ever changes in the same transaction as the chat row, under a condition
 * ({@code chat_load < limit}), so two nodes routing at once cannot give one agent more than the limit.
 */
public final class AgentStore {
    private static final String COLUMNS = "agent_id, display_name, groups_csv, max_chats, leader, presence, since, chat_load, last_ended_at, "
            + "last_assigned_at, wrap_up_until";
    private final Jdbc jdbc;
    private final PhoneReach phones;

    public AgentStore(Jdbc jdbc) {
        this(jdbc, PhoneReach.NOBODY);
    }

    /** @param phones whose phone rings now: routing offers phone calls to them only */
    public AgentStore(Jdbc jdbc, PhoneReach phones) {
        this.jdbc = jdbc;
        this.phones = phones;
    }

    /** Whether the agent's phone can be rung now (never throws: an unreachable phone is the safe answer). */
    public boolean phoneReachable(String agentId) {
        try {
            return phones.reachable(agentId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether a phone call is offered to or active with the agent (they take no other chat meanwhile). */
    public boolean onCall(String agentId) {
        return !jdbc.query("check an agent's calls", "SELECT 1 FROM desk_chat WHERE agent_id = ? AND channel = 'voice' AND status IN ('OFFERED', 'ACTIVE')",
                rs -> 1, agentId).isEmpty();
    }

    /** Copies the profile (name, groups, limit) and sets the presence; WRAP_UP carries its end. */
    public void presence(AgentProfile p, Presence presence, Instant now, Instant wrapUpUntil) {
        jdbc.tx("set presence", c -> {
            int n = Jdbc.update(c, "UPDATE desk_agent SET display_name = ?, groups_csv = ?, max_chats = ?, leader = ?, presence = ?, since = ?, "
                            + "wrap_up_until = ? WHERE agent_id = ?",
                    p.displayName(), Jdbc.csv(p.groups()), p.maxChats(), p.leader(), presence, now, wrapUpUntil, p.agentId());
            if (n == 0) {
                Jdbc.update(c, "INSERT INTO desk_agent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?)",
                        p.agentId(), p.displayName(), Jdbc.csv(p.groups()), p.maxChats(), p.leader(), presence, now, wrapUpUntil);
            }
            return null;
        });
    }

    public Optional<AgentState> find(String agentId) {
        return jdbc.query("read an agent", "SELECT " + COLUMNS + " FROM desk_agent WHERE agent_id = ?", AgentStore::state, agentId).stream().findFirst();
    }

    public List<AgentState> all() {
        return jdbc.query("list agents", "SELECT " + COLUMNS + " FROM desk_agent ORDER BY agent_id", AgentStore::state);
    }

    /** Agents who take chats, as routing slots (with whether their phone rings and whether they are on a call). */
    public List<AgentSlot> routable() {
        return jdbc.query("read routable agents", "SELECT " + COLUMNS + ", EXISTS (SELECT 1 FROM desk_chat v WHERE v.agent_id = a.agent_id "
                + "AND v.channel = 'voice' AND v.status IN ('OFFERED', 'ACTIVE')) AS on_call FROM desk_agent a WHERE presence = 'ONLINE'", rs -> {
            Instant since = Jdbc.instant(rs, "since");
            Instant ended = Jdbc.instant(rs, "last_ended_at");
            Instant idle = ended == null || ended.isBefore(since) ? since : ended;
            String id = rs.getString("agent_id");
            return new AgentSlot(id, Presence.valueOf(rs.getString("presence")), rs.getInt("chat_load"), rs.getInt("max_chats"),
                    new HashSet<>(Jdbc.csv(rs.getString("groups_csv"))), idle, Jdbc.instant(rs, "last_assigned_at"), phoneReachable(id),
                    rs.getBoolean("on_call"));
        });
    }

    /**
     * Takes one place of the agent's capacity; false when they are not online, full (in that group), or on a phone call
     * (two nodes routing at once must not ring one agent twice).
     */
    public static boolean claim(Connection c, String agentId, int limit, boolean mustBeOnline, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE desk_agent SET chat_load = chat_load + 1, last_assigned_at = ? WHERE agent_id = ? AND chat_load < ?"
                + (mustBeOnline ? " AND presence = 'ONLINE'" : "") + " AND NOT EXISTS (SELECT 1 FROM desk_chat v WHERE v.agent_id = ? "
                + "AND v.channel = 'voice' AND v.status IN ('OFFERED', 'ACTIVE'))", now, agentId, limit, agentId) == 1;
    }

    /** Gives back one place; {@code ended} marks the end of a chat (longest-idle routing). */
    public static void release(Connection c, String agentId, Instant ended) throws SQLException {
        if (ended == null) Jdbc.update(c, "UPDATE desk_agent SET chat_load = chat_load - 1 WHERE agent_id = ? AND chat_load > 0", agentId);
        else Jdbc.update(c, "UPDATE desk_agent SET chat_load = chat_load - 1, last_ended_at = ? WHERE agent_id = ? AND chat_load > 0", ended, agentId);
    }

    /** Puts an agent into wrap-up after a chat (unless they went BUSY, AWAY or OFFLINE meanwhile). */
    public static void wrapUp(Connection c, String agentId, Instant now, Instant until) throws SQLException {
        Jdbc.update(c, "UPDATE desk_agent SET presence = 'WRAP_UP', since = ?, wrap_up_until = ? WHERE agent_id = ? AND presence IN ('ONLINE', 'WRAP_UP')",
                now, until, agentId);
    }

    /** An online agent who let an offer expire is set AWAY (their other offers go back when the timer sees them expire). */
    public void awayAfterMissedOffer(String agentId, Instant now) {
        jdbc.update("set an agent away", "UPDATE desk_agent SET presence = 'AWAY', since = ? WHERE agent_id = ? AND presence = 'ONLINE'", now, agentId);
    }

    /** Agents whose wrap-up is over go back ONLINE; returns their ids (each id is returned by one node only). */
    public List<String> endWrapUps(Instant now) {
        List<String> due = jdbc.query("find wrap-ups", "SELECT agent_id FROM desk_agent WHERE presence = 'WRAP_UP' AND wrap_up_until <= ?",
                rs -> rs.getString(1), now);
        return due.stream().filter(id -> jdbc.update("end a wrap-up", "UPDATE desk_agent SET presence = 'ONLINE', since = ?, wrap_up_until = NULL "
                + "WHERE agent_id = ? AND presence = 'WRAP_UP' AND wrap_up_until <= ?", now, id, now) == 1).toList();
    }

    private static AgentState state(ResultSet rs) throws SQLException {
        return new AgentState(rs.getString("agent_id"), rs.getString("display_name"), Presence.valueOf(rs.getString("presence")), rs.getInt("chat_load"),
                rs.getInt("max_chats"), Jdbc.csv(rs.getString("groups_csv")), Jdbc.instant(rs, "since"), Jdbc.instant(rs, "last_ended_at"),
                Jdbc.instant(rs, "wrap_up_until"));
    }

    /** Whether the stored profile marks the agent a group leader. */
    public boolean leader(String agentId) {
        return jdbc.query("read leader flag", "SELECT leader FROM desk_agent WHERE agent_id = ?", rs -> rs.getBoolean(1), agentId)
                .stream().findFirst().orElse(false);
    }
}
