package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import java.util.function.Supplier;

/** Runs the work; the in-memory fakes have nothing to roll back that a test of a refusal relies on. */
public final class InMemoryTransactionRunner implements TransactionRunner {
    private int units;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        units++;
        return work.get();
    }

    public int units() {
        return units;
    }
}
