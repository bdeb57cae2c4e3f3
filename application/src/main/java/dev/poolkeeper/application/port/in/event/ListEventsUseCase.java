package dev.poolkeeper.application.port.in.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.event.AccountEvent;
import java.util.Optional;

/**
 * The account's events in order, for consumers that pull instead of receiving webhooks: after an event id
 * (the last one the consumer handled), or from a page token, or from the start.
 */
public interface ListEventsUseCase {
    Page<AccountEvent> list(Caller caller, Optional<String> afterEventId, PageRequest page);
}
