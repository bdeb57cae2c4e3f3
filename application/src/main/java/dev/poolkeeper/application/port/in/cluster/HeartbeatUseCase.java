package dev.poolkeeper.application.port.in.cluster;

/**
 * This instance says it is alive and learns which instances are: with more than one, send budgets are
 * taken from the budget all instances share, and the senders are shared out among them for dispatching;
 * alone, budgets are kept in this instance's memory and it dispatches every sender.
 */
public interface HeartbeatUseCase {
    /** Returns how many instances are alive, this one included. */
    int heartbeat();
}
