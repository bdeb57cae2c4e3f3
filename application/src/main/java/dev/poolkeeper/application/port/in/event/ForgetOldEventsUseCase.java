package dev.poolkeeper.application.port.in.event;

/**
 * Forgets events older than the retention period, with their settled deliveries; an event whose delivery
 * still waits is kept until it settles. Safe on several instances at once.
 */
public interface ForgetOldEventsUseCase {
    /** How many events were forgotten. */
    int forgetOldEvents();
}
