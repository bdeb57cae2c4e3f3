package dev.poolkeeper.application.port.out.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.DeliveryBacklog;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deliveries of events to endpoints: the work list of the delivery workers, and its history. */
public interface EventDeliveryRepository {
    void insert(EventDelivery delivery);

    void update(EventDelivery delivery);

    /**
     * Up to {@code limit} deliveries due by {@code now} (pending or retrying), oldest due first, at most
     * {@code perEndpoint} of one endpoint, each leased until {@code leaseUntil}: no instance takes it again
     * before then, so a worker that died mid-delivery only delays it. Rows another instance holds are skipped.
     */
    List<EventDelivery> claimDue(Instant now, Instant leaseUntil, int limit, int perEndpoint);

    /** The endpoint's deliveries, newest first, of one status or all. */
    Page<EventDelivery> list(AccountId accountId, EventEndpointId endpointId, Optional<EventDelivery.Status> status,
                             PageRequest page);

    /** For each of these endpoints that has any: its deliveries waiting and dead-lettered. */
    Map<EventEndpointId, DeliveryBacklog> backlogs(Collection<EventEndpointId> endpoints);

    /** Ends the endpoint's waiting deliveries (the endpoint was disabled): dead, with the reason. */
    int abandonWaiting(EventEndpointId endpointId, String why, Instant now);
}
