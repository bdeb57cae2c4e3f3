package dev.poolkeeper.application.port.in.canary;

import dev.poolkeeper.domain.canary.CanaryInbox;
import java.util.List;

/**
 * The background work on canary inboxes: a rental whose answer was lost is found in the provider's list
 * (or, after the reconcile window, given up as never made), an ended rental is marked expired, and an
 * inbox ending soon is warned of it once 7 days ahead and once 1 day ahead; settled probes older than the
 * retention are forgotten.
 */
public interface ReconcileCanaryInboxesUseCase {
    /** An inbox ending within {@code days}. */
    record Warning(CanaryInbox inbox, int days) {
    }

    /** What a round did, the active inboxes it saw (for their days left), and how many old probes it forgot. */
    record Round(int changed, List<Warning> warnings, List<CanaryInbox> active, int probesForgotten) {
    }

    Round reconcileCanaryInboxes();
}
