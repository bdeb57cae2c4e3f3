package dev.poolkeeper.adapters.persistence.jdbc;

import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database transaction per unit of work. When InnoDB picks the unit as a deadlock victim
 * (SQLSTATE 40001) it has rolled everything back, so the outermost unit runs again, up to
 * {@value #MAX_ATTEMPTS} times.
 */
@Singleton
public final class JdbcTransactionRunner implements TransactionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactionRunner.class);
    static final int MAX_ATTEMPTS = 4;
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final TransactionOperations<Connection> transactions;

    public JdbcTransactionRunner(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        boolean outermost = DEPTH.get() == 0;
        for (int attempt = 1; ; attempt++) {
            DEPTH.set(DEPTH.get() + 1);
            try {
                return transactions.executeWrite(status -> work.get());
            } catch (RuntimeException e) {
                if (!outermost || attempt >= MAX_ATTEMPTS || !isDeadlock(e)) {
                    throw e;
                }
                LOG.info("transaction chosen as deadlock victim; running it again (attempt {})", attempt + 1);
                sleepBriefly(attempt);
            } finally {
                DEPTH.set(DEPTH.get() - 1);
            }
        }
    }

    static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    private static void sleepBriefly(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
