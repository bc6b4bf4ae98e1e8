package org.openhotline.bot.hours;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.openhotline.kb.store.RevisionRow;
import org.openhotline.kb.store.StoreException;

/** Special days in the database (table {@code special_day}, migration V5), so every node sees an edit without a restart. */
public final class JdbcSpecialDayStore implements SpecialDayStore {
    private final DataSource ds;
    private final RevisionRow revision;

    public JdbcSpecialDayStore(DataSource ds) {
        this.ds = ds;
        this.revision = new RevisionRow(ds, "special_day_revision", "special-day");
    }

    @Override
    public List<SpecialDay> list(LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("SELECT service_date, skill_group, windows, note FROM special_day WHERE 1 = 1");
        if (from != null) sql.append(" AND service_date >= ?");
        if (to != null) sql.append(" AND service_date <= ?");
        sql.append(" ORDER BY service_date, skill_group");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (from != null) ps.setObject(i++, from);
            if (to != null) ps.setObject(i, to);
            List<SpecialDay> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SpecialDay(rs.getObject(1, LocalDate.class), rs.getString(2), windows(rs.getString(3)), rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading special days failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean put(SpecialDay day) {
        boolean[] created = new boolean[1];
        // A replace (delete + insert) and its revision bump are seen together or not at all.
        revision.change("saving the special day " + day.date(), c -> {
            created[0] = !delete(c, day.date(), day.group());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO special_day (service_date, skill_group, windows, note, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setObject(1, day.date());
                ps.setString(2, day.group());
                ps.setString(3, day.windows().stream().map(TimeWindow::toString).collect(Collectors.joining(",")));
                ps.setString(4, day.note());
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            return true;
        });
        return created[0];
    }

    @Override
    public boolean remove(LocalDate date, String group) {
        return revision.change("removing the special day " + date, c -> delete(c, date, InMemorySpecialDayStore.normalGroup(group)));
    }

    @Override
    public long revision() {
        return revision.read();
    }

    private static boolean delete(Connection c, LocalDate date, String group) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM special_day WHERE service_date = ? AND skill_group = ?")) {
            ps.setObject(1, date);
            ps.setString(2, group);
            return ps.executeUpdate() > 0;
        }
    }

    private static List<TimeWindow> windows(String text) {
        if (text == null || text.isBlank()) return List.of();
        return TimeWindow.parseAll(Arrays.asList(text.split(",")));
    }
}
