package dev.poolkeeper.application.port.out.tx;

import java.util.function.Supplier;

/**
 * A unit of work: everything {@code work} does through the repositories commits together or not at
 * all. Implementations may run {@code work} again when the database aborted it for a deadlock, so
 * {@code work} must not have effects outside the repositories.
 */
public interface TransactionRunner {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
