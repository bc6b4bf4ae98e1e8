package org.openhotline.wechat.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undelivered messages in {@code wechat_undelivered}, shared by every node. A database fault while recording is
 * logged, never thrown: the send has already ended and its thread has nobody to tell.
 */
public final class JdbcUndeliveredLog implements UndeliveredLog {
    private static final Logger log = LoggerFactory.getLogger(JdbcUndeliveredLog.class);
    private final DataSource db;

    public JdbcUndeliveredLog(DataSource db) {
        this.db = db;
    }

    @Override
    public void record(Undelivered u) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO wechat_undelivered (open_id, body, error_code, reason, status, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, u.openId());
            ps.setString(2, u.text());
            ps.setInt(3, u.errorCode());
            ps.setString(4, u.reason().length() > 500 ? u.reason().substring(0, 500) : u.reason());
            ps.setString(5, u.status());
            ps.setTimestamp(6, Timestamp.from(u.at()));
            ps.executeUpdate();
        } catch (SQLException e) {
            log.error("could not record an undelivered WeChat message to {} ({})", KefuSender.mask(u.openId()), u.errorCode(), e);
        }
    }

    @Override
    public List<Undelivered> recent(int max) {
        List<Undelivered> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT open_id, body, error_code, reason, status, created_at FROM wechat_undelivered"
                     + " ORDER BY created_at DESC, undelivered_id DESC")) {
            ps.setMaxRows(max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Undelivered(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), "uncertain".equals(rs.getString(5)),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read wechat_undelivered", e);
        }
        return out;
    }
}
