package dev.poolkeeper.application.port.in.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.RentalBalance;
import dev.poolkeeper.domain.canary.RentalPrice;
import dev.poolkeeper.domain.canary.RentalService;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.util.List;
import java.util.Optional;

/**
 * Canary inboxes: numbers an account rents through its own connection to a rental provider, to see its
 * messages arrive end to end. Renting is charged once and cannot be undone, so it is asked for with a key:
 * asking again with the key leads back to the same inbox and never rents twice.
 */
public interface CanaryInboxesUseCase {
    /** What renting would cost before anything is rented: the services, the balance, and one service's prices. */
    record RentalOptions(ConnectionId connectionId, List<RentalService> services, Optional<String> service,
                         List<RentalPrice> prices, RentalBalance balance) {
    }

    /** The inbox, and whether this request created it (false: it answers an earlier request with the key). */
    record Rented(CanaryInbox inbox, boolean created) {
    }

    RentalOptions rentalOptions(Caller caller, ConnectionId connection, Optional<String> service);

    Rented rentCanaryInbox(Caller caller, ConnectionId connection, String service, int days, String rentalKey);

    Page<CanaryInbox> listCanaryInboxes(Caller caller, PageRequest page);

    CanaryInbox getCanaryInbox(Caller caller, CanaryInboxId id);
}
