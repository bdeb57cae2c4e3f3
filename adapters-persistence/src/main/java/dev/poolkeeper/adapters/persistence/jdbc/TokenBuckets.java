package dev.poolkeeper.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Token buckets shared by every instance, one row a key in a table of {@code (key, tokens, refilled_at)}:
 * refilled and taken from in a single conditional UPDATE, so two instances cannot both take the last token.
 * A key's first take inserts its row, full less one; a lost insert race asks the UPDATE again. Each statement
 * is a transaction of its own (autocommit: one round trip), so a row lock is held for one statement and the
 * UPDATE's gap lock on a missing row cannot deadlock with another instance's INSERT. Another instance's clock
 * behind a row's refill time refills nothing.
 */
public final class TokenBuckets {
    private static final String REFILLED = "LEAST(?, tokens + GREATEST(0, TIMESTAMPDIFF(MICROSECOND, refilled_at, ?))"
            + " / 1000000 * ?)";

    private final Jdbc jdbc;
    private final String table;
    private final String keyColumn;

    /** @param table and {@code keyColumn}: constants of the caller, never input */
    public TokenBuckets(Jdbc jdbc, String table, String keyColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumn = keyColumn;
    }

    /** Takes one token from the key's bucket; false, taking nothing, when it holds less than one. */
    public boolean tryTake(String key, double perSecond, double capacity, Instant now) {
        if (jdbc.autocommit(c -> take(c, key, perSecond, capacity, now))) {
            return true;
        }
        boolean inserted = jdbc.autocommit(c -> Jdbc.update(c, "INSERT IGNORE INTO " + table + " (" + keyColumn
                + ", tokens, refilled_at) VALUES (?, ?, ?)", key, capacity - 1, now) == 1);
        return inserted || jdbc.autocommit(c -> take(c, key, perSecond, capacity, now));
    }

    /** Puts back one token taken for nothing (never above capacity). */
    public void giveBack(String key, double capacity) {
        jdbc.autocommit(c -> Jdbc.update(c, "UPDATE " + table + " SET tokens = LEAST(?, tokens + 1) WHERE "
                + keyColumn + " = ?", capacity, key));
    }

    /** tokens is assigned before refilled_at, so it reads the stored refill time (MySQL and MariaDB alike). */
    private boolean take(Connection c, String key, double perSecond, double capacity, Instant now)
            throws SQLException {
        return Jdbc.update(c, "UPDATE " + table + " SET tokens = " + REFILLED + " - 1,"
                        + " refilled_at = GREATEST(refilled_at, ?) WHERE " + keyColumn + " = ? AND " + REFILLED + " >= 1",
                capacity, now, perSecond, now, key, capacity, now, perSecond) == 1;
    }
}
