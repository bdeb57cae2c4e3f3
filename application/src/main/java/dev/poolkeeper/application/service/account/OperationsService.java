package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.OperationsUseCase;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.util.List;

public final class OperationsService implements OperationsUseCase {
    /** More parts than a person reads on one page; the rest are behind the first ones' pools. */
    static final int PARTS = 200;

    private final MessageRepository messages;
    private final SyncPartRepository parts;
    private final EventEndpointRepository endpoints;
    private final EventDeliveryRepository deliveries;
    private final Clock clock;

    public OperationsService(MessageRepository messages, SyncPartRepository parts, EventEndpointRepository endpoints,
                             EventDeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.parts = parts;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Override
    public Operations operations(Caller caller) {
        List<EventEndpoint> hooks = endpoints.list(caller.accountId(), PageRequest.first(PageRequest.MAX_SIZE)).items();
        return new Operations(messages.backlogs(caller.accountId(), Times.now(clock)),
                parts.notInSync(caller.accountId(), PARTS), hooks,
                deliveries.backlogs(hooks.stream().map(EventEndpoint::id).toList()));
    }
}
