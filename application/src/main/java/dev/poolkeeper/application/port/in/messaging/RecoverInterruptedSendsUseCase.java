package dev.poolkeeper.application.port.in.messaging;

/**
 * Keeps the queue's promises over time: a message whose send a crash interrupted ({@code sending}, the
 * provider's answer never recorded) is moved to "fate unknown, awaiting a receipt" and never sent again;
 * one whose lost answer no receipt settled in time ends {@code unknown}; a waiting message past its
 * validity ends {@code expired}. Run at start-up and on a schedule.
 */
public interface RecoverInterruptedSendsUseCase {
    /** Does all of the above; returns how many messages changed. Safe to run on several instances at once. */
    int recoverInterruptedSends();
}
