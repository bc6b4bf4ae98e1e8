package org.openhotline.desk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openhotline.desk.group.RoutingStrategy;
import org.openhotline.desk.group.SkillGroup;
import org.openhotline.desk.group.SkillGroupStore;

/** Skill groups in table {@code skill_group}; seeded from configuration when the table is empty. */
public final class JdbcSkillGroupStore implements SkillGroupStore {
    private static final String COLUMNS = "code, name, strategy, saturation, overflow_group, overflow_after_s, queue_timeout_s, welcome, enabled";
    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcSkillGroupStore(DataSource db) {
        this(new Jdbc(db), Clock.systemUTC());
    }

    public JdbcSkillGroupStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes {@code groups} when no group is defined yet (first start); later the admin page owns them. */
    public void seed(List<SkillGroup> groups) {
        jdbc.tx("seed skill groups", c -> {
            if (!Jdbc.query(c, "SELECT code FROM skill_group", rs -> rs.getString(1)).isEmpty()) return null;
            for (SkillGroup g : groups) insert(c, g);
            return null;
        });
    }

    @Override
    public List<SkillGroup> list() {
        return jdbc.query("list skill groups", "SELECT " + COLUMNS + " FROM skill_group ORDER BY code", JdbcSkillGroupStore::row);
    }

    @Override
    public Optional<SkillGroup> find(String code) {
        return jdbc.query("read a skill group", "SELECT " + COLUMNS + " FROM skill_group WHERE code = ?", JdbcSkillGroupStore::row, code)
                .stream().findFirst();
    }

    @Override
    public void save(SkillGroup g) {
        if (g.code().equals(g.overflowGroup())) throw new IllegalArgumentException("a group cannot overflow into itself");
        jdbc.tx("save a skill group", c -> {
            Jdbc.update(c, "DELETE FROM skill_group WHERE code = ?", g.code());
            insert(c, g);
            return null;
        });
    }

    @Override
    public boolean delete(String code) {
        return jdbc.update("delete a skill group", "DELETE FROM skill_group WHERE code = ?", code) > 0;
    }

    private void insert(java.sql.Connection c, SkillGroup g) throws SQLException {
        Jdbc.update(c, "INSERT INTO skill_group (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                g.code(), g.name(), g.strategy().wireName(), g.saturation(), g.overflowGroup(), (int) g.overflowAfter().toSeconds(),
                (int) g.queueTimeout().toSeconds(), g.welcome(), g.enabled(), clock.instant());
    }

    private static SkillGroup row(ResultSet rs) throws SQLException {
        return new SkillGroup(rs.getString(1), rs.getString(2), RoutingStrategy.fromWire(rs.getString(3)), rs.getInt(4), rs.getString(5),
                Duration.ofSeconds(rs.getInt(6)), Duration.ofSeconds(rs.getInt(7)), rs.getString(8), rs.getBoolean(9));
    }
}
