package dev.poolkeeper.application.port.in.cluster;

/**
 * This instance says it is alive and learns how many instances are: with more than one, send budgets are
 * taken from the budget all instances share; alone, from this instance's memory.
 */
public interface HeartbeatUseCase {
    /** Returns how many instances are alive, this one included. */
    int heartbeat();
}
