package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.canary.CanaryInboxesUseCase;
import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.canary.InboxRentalException;
import dev.poolkeeper.application.port.out.canary.InboxRentalPort;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.RentalPrice;
import dev.poolkeeper.domain.canary.RentalService;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.List;
import java.util.Optional;

public final class CanaryInboxService implements CanaryInboxesUseCase {

    private final CanaryRentals rentals;

    public CanaryInboxService(CanaryRentals rentals) {
        this.rentals = rentals;
    }

    @Override
    public RentalOptions rentalOptions(Caller caller, ConnectionId connectionId, Optional<String> service) {
        service.ifPresent(CanaryInbox::checkService);
        InboxRentalPort port = rentals.port(rentals.connection(caller, connectionId));
        try {
            List<RentalService> services = port.services();
            List<RentalPrice> prices = service.map(port::prices).orElse(List.of());
            return new RentalOptions(connectionId, services, service, prices, port.balance());
        } catch (InboxRentalException e) {
            throw CanaryRentals.problem(e);
        }
    }

    @Override
    public Rented rentCanaryInbox(Caller caller, ConnectionId connectionId, String service, int days,
                                  String rentalKey) {
        CanaryInbox.checkService(service);
        CanaryInbox.checkDays(days);
        if (rentalKey == null || rentalKey.isBlank()) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                    "a rental is charged once and cannot be undone: send an Idempotency-Key, and the same key again"
                    + " when you retry");
        }
        ProviderConnection connection = rentals.connection(caller, connectionId);
        InboxRentalPort port = rentals.port(connection);
        CanaryInbox inbox = CanaryInbox.renting(caller.accountId(), connectionId, service, days, rentalKey,
                rentals.now());
        if (!rentals.inboxes().insert(inbox)) {
            return new Rented(earlier(caller, connectionId, service, days, rentalKey, port), false);
        }
        try {
            InboxRentalPort.Rental r = port.rent(service, days);
            return new Rented(rentals.moved(inbox, inbox.rented(r.rentalId(), r.number(), r.cost(), r.endsAt(),
                    rentals.now())), true);
        } catch (InboxRentalException e) {
            if (e.failure() == ProviderFailure.NO_ANSWER
                    || e.failure() == ProviderFailure.UNAVAILABLE) {
                // the provider may have rented it: look in its list before anything else, never rent again
                return new Rented(rentals.reconcile(inbox, port), true);
            }
            rentals.inboxes().deleteRenting(inbox);
            throw CanaryRentals.problem(e);
        }
    }

    /** The inbox an earlier request with the key made; looked for again at the provider while renting. */
    private CanaryInbox earlier(Caller caller, ConnectionId connectionId, String service, int days, String rentalKey,
                                InboxRentalPort port) {
        CanaryInbox earlier = rentals.inboxes().findByRentalKey(caller.accountId(), rentalKey).orElseThrow(() ->
                new DomainException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                        "a request with this Idempotency-Key is still being processed; retry shortly"));
        if (!earlier.sameRequest(connectionId, service, days)) {
            throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for another rental");
        }
        return earlier.status() == CanaryInbox.Status.RENTING ? rentals.reconcile(earlier, port) : earlier;
    }

    @Override
    public Page<CanaryInbox> listCanaryInboxes(Caller caller, PageRequest page) {
        return rentals.inboxes().list(caller.accountId(), page);
    }

    @Override
    public CanaryInbox getCanaryInbox(Caller caller, CanaryInboxId id) {
        return rentals.inboxes().find(caller.accountId(), id).orElseThrow(() -> CanaryInbox.notFound(id.value()));
    }
}
