package dev.poolkeeper.application.port.in.messaging;

/**
 * Finds messages whose send a crash interrupted (stored as {@code queued}, the provider's answer never
 * recorded) and moves them to "fate unknown, awaiting a receipt": they are never sent again, a delivery
 * receipt reconciles them, and the backlog gauge counts them. Run at start-up and on a schedule.
 */
public interface RecoverInterruptedSendsUseCase {
    /** Recovers every interrupted send; returns how many. Safe to run on several instances at once. */
    int recoverInterruptedSends();
}
