package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.in.canary.ReconcileCanaryInboxesUseCase;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.time.Instant;
import java.util.Optional;

public final class ReconcileCanaryInboxesService implements ReconcileCanaryInboxesUseCase {
    private static final int BATCH = 100;

    private final CanaryRentals rentals;

    public ReconcileCanaryInboxesService(CanaryRentals rentals) {
        this.rentals = rentals;
    }

    @Override
    public int reconcileCanaryInboxes() {
        int changed = 0;
        for (CanaryInbox renting : rentals.inboxes().renting(BATCH)) {
            Optional<ProviderConnection> connection = rentals.connection(renting.connectionId());
            CanaryInbox now = connection.isEmpty()
                    ? rentals.moved(renting, renting.failed("its connection was deleted before the rental was"
                    + " confirmed; look in the provider's own console", rentals.now()))
                    : rentals.reconcile(renting, rentals.port(connection.get()));
            if (now.status() != CanaryInbox.Status.RENTING) {
                changed++;
            }
        }
        Instant now = rentals.now();
        for (CanaryInbox ended : rentals.inboxes().activeEndedBefore(now, BATCH)) {
            if (rentals.moved(ended, ended.expired("the rental ended", now)).status() == CanaryInbox.Status.EXPIRED) {
                changed++;
            }
        }
        return changed;
    }
}
