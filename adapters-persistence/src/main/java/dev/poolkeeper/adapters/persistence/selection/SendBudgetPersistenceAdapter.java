package dev.poolkeeper.adapters.persistence.selection;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import dev.poolkeeper.domain.number.PhoneNumber;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The shared bucket is one row a number, refilled and taken from in a single conditional UPDATE: two
 * instances cannot both take the last token. A number's first take inserts its row, full less one; a lost
 * insert race asks the UPDATE again. Each statement is a transaction of its own (autocommit: one round
 * trip), so a row lock is held for one statement and the UPDATE's gap lock on a missing row cannot
 * deadlock with another instance's INSERT. Another instance's clock behind this row's refill time refills nothing.
 */
@Singleton
final class SendBudgetPersistenceAdapter implements SharedSendBudget {
    private static final String REFILLED = "LEAST(?, tokens + GREATEST(0, TIMESTAMPDIFF(MICROSECOND, refilled_at, ?))"
            + " / 1000000 * ?)";

    private final Jdbc jdbc;

    SendBudgetPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryTake(PhoneNumber number, double perSecond, double capacity, Instant now) {
        if (jdbc.autocommit(c -> take(c, number, perSecond, capacity, now))) {
            return true;
        }
        boolean inserted = jdbc.autocommit(c -> Jdbc.update(c,
                "INSERT IGNORE INTO send_budgets (e164, tokens, refilled_at) VALUES (?, ?, ?)",
                number.e164(), capacity - 1, now) == 1);
        return inserted || jdbc.autocommit(c -> take(c, number, perSecond, capacity, now));
    }

    @Override
    public void giveBack(PhoneNumber number, double capacity) {
        jdbc.autocommit(c -> Jdbc.update(c, "UPDATE send_budgets SET tokens = LEAST(?, tokens + 1) WHERE e164 = ?",
                capacity, number.e164()));
    }

    /** tokens is assigned before refilled_at, so it reads the stored refill time (MySQL and MariaDB alike). */
    private static boolean take(Connection c, PhoneNumber number, double perSecond, double capacity, Instant now)
            throws SQLException {
        return Jdbc.update(c, "UPDATE send_budgets SET tokens = " + REFILLED + " - 1,"
                        + " refilled_at = GREATEST(refilled_at, ?) WHERE e164 = ? AND " + REFILLED + " >= 1",
                capacity, now, perSecond, now, number.e164(), capacity, now, perSecond) == 1;
    }
}
