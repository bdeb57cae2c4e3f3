package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventEndpointId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** An account without event endpoints: deliveries made anyway are recorded, so a test can see there were none. */
public final class NoEventEndpoints implements EventEndpointRepository, EventDeliveryRepository {
    public final List<EventDelivery> inserted = new ArrayList<>();

    @Override
    public void insert(EventEndpoint endpoint) {
        throw new UnsupportedOperationException("no endpoints here");
    }

    @Override
    public void update(EventEndpoint endpoint) {
        throw new UnsupportedOperationException("no endpoints here");
    }

    @Override
    public Optional<EventEndpoint> find(AccountId accountId, EventEndpointId id) {
        return Optional.empty();
    }

    @Override
    public Optional<EventEndpoint> lock(AccountId accountId, EventEndpointId id) {
        return Optional.empty();
    }

    @Override
    public Page<EventEndpoint> list(AccountId accountId, PageRequest page) {
        return new Page<>(List.of(), OptionalLong.empty());
    }

    @Override
    public boolean delete(AccountId accountId, EventEndpointId id) {
        return false;
    }

    @Override
    public void insert(EventDelivery delivery) {
        inserted.add(delivery);
    }

    @Override
    public void update(EventDelivery delivery) {
        inserted.add(delivery);
    }

    @Override
    public List<EventDelivery> claimDue(Instant now, Instant leaseUntil, int limit, int perEndpoint) {
        return List.of();
    }

    @Override
    public Page<EventDelivery> list(AccountId accountId, EventEndpointId endpointId,
                                    Optional<EventDelivery.Status> status, PageRequest page) {
        return new Page<>(List.of(), OptionalLong.empty());
    }

    @Override
    public java.util.Map<EventEndpointId, dev.poolkeeper.domain.event.DeliveryBacklog> backlogs(
            java.util.Collection<EventEndpointId> endpoints) {
        return java.util.Map.of();
    }

    @Override
    public int abandonWaiting(EventEndpointId endpointId, String why, Instant now) {
        return 0;
    }
}
