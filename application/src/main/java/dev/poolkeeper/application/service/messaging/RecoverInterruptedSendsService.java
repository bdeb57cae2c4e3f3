package dev.poolkeeper.application.service.messaging;

import dev.poolkeeper.application.port.in.messaging.RecoverInterruptedSendsUseCase;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message still {@code queued} and unchanged for {@code interruptedAfter} is one no instance is sending
 * any more: a send writes the message after every attempt, and an attempt is bounded by the provider
 * timeouts, so {@code interruptedAfter} must be longer than one attempt can take. A batch per unit of
 * work; rows another instance holds are skipped.
 */
public final class RecoverInterruptedSendsService implements RecoverInterruptedSendsUseCase {
    private static final int BATCH = 200;

    private final MessageRepository messages;
    private final Duration interruptedAfter;
    private final TransactionRunner tx;
    private final Clock clock;

    public RecoverInterruptedSendsService(MessageRepository messages, Duration interruptedAfter, TransactionRunner tx,
                                          Clock clock) {
        this.messages = messages;
        this.interruptedAfter = Objects.requireNonNull(interruptedAfter, "interruptedAfter");
        if (interruptedAfter.isNegative() || interruptedAfter.isZero()) {
            throw new IllegalArgumentException("interruptedAfter must be positive");
        }
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public int recoverInterruptedSends() {
        int total = 0;
        Batch batch;
        do {
            batch = tx.inTransaction(this::recoverBatch);
            total += batch.recovered();
        } while (batch.found() == BATCH);
        return total;
    }

    private record Batch(int found, int recovered) {
    }

    private Batch recoverBatch() {
        Instant now = Times.now(clock);
        List<Message> interrupted = messages.lockInterrupted(now.minus(interruptedAfter), BATCH);
        int recovered = 0;
        for (Message message : interrupted) {
            if (message.interrupted(now)) {
                messages.update(message);
                recovered++;
            }
        }
        return new Batch(interrupted.size(), recovered);
    }
}
