package org.openhotline.desk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhotline.desk.satisfaction.AgentSatisfaction;
import org.openhotline.desk.satisfaction.Rating;
import org.openhotline.desk.satisfaction.SatisfactionLevel;

/** Ratings in table {@code desk_rating}, one per chat (a second rating replaces the first). */
public final class RatingStore {
    private final Jdbc jdbc;

    public RatingStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Rating r) {
        long id = ChatStore.id(r.chatId());
        jdbc.tx("store a rating", c -> {
            Jdbc.update(c, "DELETE FROM desk_rating WHERE chat_id = ?", id);
            Jdbc.update(c, "INSERT INTO desk_rating (chat_id, session_id, agent_id, skill_group, channel, rating_level, tags, comment_text, rated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, r.sessionId(), r.agentId(), r.skillGroup(), r.channel(), r.level().score(),
                    String.join("\n", r.tags()), r.comment(), r.at());
            return null;
        });
    }

    /** Sets the comment of an existing rating; false when there is none. */
    public boolean comment(String chatId, String comment) {
        return jdbc.update("store a rating comment", "UPDATE desk_rating SET comment_text = ? WHERE chat_id = ?", comment, ChatStore.id(chatId)) == 1;
    }

    public Optional<Rating> find(String chatId) {
        return jdbc.query("read a rating", "SELECT chat_id, session_id, agent_id, skill_group, channel, rating_level, tags, comment_text, rated_at "
                + "FROM desk_rating WHERE chat_id = ?", RatingStore::row, ChatStore.id(chatId)).stream().findFirst();
    }

    /** Per agent: count, average, counts per level and the share rated 4 or 5, over [from, to). */
    public List<AgentSatisfaction> byAgent(Instant from, Instant to) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        jdbc.query("report ratings", "SELECT agent_id, rating_level, COUNT(*) FROM desk_rating WHERE agent_id IS NOT NULL AND rated_at >= ? AND rated_at < ? "
                + "GROUP BY agent_id, rating_level ORDER BY agent_id", rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new int[6])[rs.getInt(2)] += rs.getInt(3);
                    return null;
                }, from, to);
        List<AgentSatisfaction> out = new ArrayList<>();
        counts.forEach((agent, c) -> {
            int n = 0;
            int sum = 0;
            Map<Integer, Integer> by = new LinkedHashMap<>();
            for (int level = 1; level <= 5; level++) {
                n += c[level];
                sum += level * c[level];
                by.put(level, c[level]);
            }
            out.add(new AgentSatisfaction(agent, n, n == 0 ? 0 : (double) sum / n, by, n == 0 ? 0 : (double) (c[4] + c[5]) / n));
        });
        return out;
    }

    private static Rating row(ResultSet rs) throws SQLException {
        String tags = rs.getString(7);
        return new Rating(String.valueOf(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                SatisfactionLevel.of(rs.getInt(6)), tags == null || tags.isEmpty() ? List.of() : List.of(tags.split("\n")), rs.getString(8),
                Jdbc.instant(rs, "rated_at"));
    }
}
