package dev.poolkeeper.application.port.in.canary;

/**
 * The background work on canary inboxes: a rental whose answer was lost is found in the provider's list
 * (or, after the reconcile window, given up as never made), and an ended rental is marked expired.
 */
public interface ReconcileCanaryInboxesUseCase {
    /** How many inboxes changed. */
    int reconcileCanaryInboxes();
}
