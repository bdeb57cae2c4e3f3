package dev.poolkeeper.application.port.out.selection;

import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Instant;

/**
 * A number's send budget as every instance sees it: a token bucket of {@code capacity} messages refilled at
 * {@code perSecond}, full the first time the number is asked for.
 */
public interface SharedSendBudget {
    /** Takes one message from the number's bucket; false, taking nothing, when it holds less than one. */
    boolean tryTake(PhoneNumber number, double perSecond, double capacity, Instant now);

    /** Puts back one message taken for a send that never reached the provider (never above capacity). */
    void giveBack(PhoneNumber number, double capacity);
}
