package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces the sends of each number on this instance at its shaped rate at the moment they go out, not only when
 * their token was taken: a send whose token was taken late, or whose thread was scheduled late, would otherwise
 * follow the previous one closer than the rate allows, as the provider sees it. A send reserves its slot — no
 * earlier than the previous slot plus the number's spacing — and waits for it.
 */
public final class SendPacing {
    /** Waits; {@link Thread#sleep} in service, nothing in tests that move a clock of their own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final SendBudgets budgets;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentHashMap<PhoneNumber, Long> lastSlot = new ConcurrentHashMap<>();

    public SendPacing(SendBudgets budgets, Clock clock, Sleeper sleeper) {
        this.budgets = budgets;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Reserves the number's next slot and waits until it comes. */
    public void awaitSlot(PhoneNumber number, NumberType type) {
        long spacing = (long) Math.ceil(1000.0 / (budgets.rate(number, type) * SendBudgets.SHAPING));
        long now = clock.millis();
        long slot = lastSlot.merge(number, now, (last, ignored) -> Math.max(now, last + spacing));
        if (slot > now) {
            try {
                sleeper.sleep(slot - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
