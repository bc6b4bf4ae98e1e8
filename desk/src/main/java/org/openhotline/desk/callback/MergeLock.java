package org.openhotline.desk.callback;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.openhotline.desk.store.Jdbc;

/**
 * Serialises the merge of one number's contacts, so two calls (two nodes) recording a number's first task at once make
 * one task. {@code SELECT … FOR UPDATE} cannot do it: there is no row to lock yet. On PostgreSQL a transaction-scoped
 * advisory lock on the number (every node sees it); the embedded H2 has one process, so a lock in this JVM is enough.
 */
final class MergeLock {
    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
    }

    private final Jdbc jdbc;
    private volatile Boolean postgres;

    MergeLock(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code work} in one transaction that no other merge of {@code phone} overlaps. */
    <T> T tx(String what, String phone, Jdbc.Work<T> work) {
        if (postgres()) {
            return jdbc.tx(what, c -> {
                Jdbc.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> 1, key(phone));
                return work.run(c);
            });
        }
        ReentrantLock lock = STRIPES[Math.floorMod(phone.hashCode(), STRIPES.length)];
        lock.lock();
        try {
            return jdbc.tx(what, work);
        } finally {
            lock.unlock();
        }
    }

    /** A 64-bit key for the number, apart from other advisory locks by a prefix. */
    static long key(String phone) {
        return ("callback_task:" + phone).hashCode() * 0x9E3779B97F4A7C15L ^ phone.length();
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = jdbc.tx("see which database holds the call-back tasks", (Connection c) -> isPostgres(c));
            postgres = p;
        }
        return p;
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
    }
}
