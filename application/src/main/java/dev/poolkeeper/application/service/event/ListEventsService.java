package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.event.ListEventsUseCase;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Optional;
import java.util.OptionalLong;

public final class ListEventsService implements ListEventsUseCase {
    private final EventRepository events;

    public ListEventsService(EventRepository events) {
        this.events = events;
    }

    @Override
    public Page<AccountEvent> list(Caller caller, Optional<String> afterEventId, PageRequest page) {
        if (afterEventId.isEmpty()) {
            return events.list(caller.accountId(), page);
        }
        OptionalLong position = AccountEvent.isWellFormedId(afterEventId.get())
                ? events.position(caller.accountId(), afterEventId.get()) : OptionalLong.empty();
        if (position.isEmpty()) {
            throw new DomainException(ErrorCode.EVENT_NOT_FOUND, "event " + afterEventId.get() + " not found");
        }
        return events.list(caller.accountId(), PageRequest.after(page.size(), position.getAsLong()));
    }
}
