package dev.poolkeeper.application.port.in.health;

/**
 * Gives numbers that have been unhealthy for the whole rest period another chance: their health goes
 * back to {@code unknown} with an empty receipt window, so {@code skip_unhealthy} picks them again and
 * the next receipts judge them afresh. Without it, a skipped number gets no traffic, hence no receipts,
 * and stays unhealthy forever.
 */
public interface ReviveRestedNumbersUseCase {
    /** Revives every number that has rested; returns how many. Safe to run on several instances at once. */
    int reviveRestedNumbers();
}
