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
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Three sweeps, a batch per unit of work, rows another instance holds skipped:
 * <ul>
 *   <li>a message still {@code sending} and unchanged for {@code interruptedAfter} is one no instance is
 *   sending any more (a dispatcher writes the message after every attempt, and an attempt is bounded by the
 *   provider timeouts, so {@code interruptedAfter} must be longer than one attempt can take): it awaits a
 *   receipt and is never sent again;</li>
 *   <li>one whose lost answer no receipt settled within {@code unknownAfter} ends {@code unknown};</li>
 *   <li>a waiting message past its validity ends {@code expired}.</li>
 * </ul>
 */
public final class RecoverInterruptedSendsService implements RecoverInterruptedSendsUseCase {
    private static final int BATCH = 200;

    private final MessageRepository messages;
    private final MessageStore store;
    private final Duration interruptedAfter;
    private final Duration unknownAfter;
    private final TransactionRunner tx;
    private final Clock clock;

    public RecoverInterruptedSendsService(MessageRepository messages, MessageStore store, Duration interruptedAfter,
                                          Duration unknownAfter, TransactionRunner tx, Clock clock) {
        this.messages = messages;
        this.store = store;
        this.interruptedAfter = positive(interruptedAfter, "interruptedAfter");
        this.unknownAfter = positive(unknownAfter, "unknownAfter");
        this.tx = tx;
        this.clock = clock;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    @Override
    public int recoverInterruptedSends() {
        return sweep((now, limit) -> messages.lockInterrupted(now.minus(interruptedAfter), limit), Message::interrupted)
                + sweep((now, limit) -> messages.lockUnanswered(now.minus(unknownAfter), limit), Message::unanswered)
                + sweep(messages::lockExpired, Message::expire);
    }

    private record Batch(int found, int changed) {
    }

    private int sweep(BiFunction<Instant, Integer, List<Message>> lock, BiPredicate<Message, Instant> change) {
        int total = 0;
        Batch batch;
        do {
            batch = tx.inTransaction(() -> {
                Instant now = Times.now(clock);
                List<Message> found = lock.apply(now, BATCH);
                int changed = 0;
                for (Message message : found) {
                    if (change.test(message, now)) {
                        store.update(message);
                        changed++;
                    }
                }
                return new Batch(found.size(), changed);
            });
            total += batch.changed();
        } while (batch.found() == BATCH && batch.changed() > 0);
        return total;
    }
}
