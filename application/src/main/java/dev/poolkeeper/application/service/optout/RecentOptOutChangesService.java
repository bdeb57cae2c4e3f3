package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.RecentOptOutChangesUseCase;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.service.event.OptOutEvents;
import dev.poolkeeper.domain.event.EventType;
import java.util.List;
import java.util.Set;

/** Read from the account's {@code opt_out.added} and {@code opt_out.removed} events. */
public final class RecentOptOutChangesService implements RecentOptOutChangesUseCase {
    private final EventRepository events;

    public RecentOptOutChangesService(EventRepository events) {
        this.events = events;
    }

    @Override
    public List<OptOutChange> recentOptOutChanges(Caller caller, int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("limit must be 1-" + MAX);
        }
        return events.newest(caller.accountId(), Set.of(EventType.OPT_OUT_ADDED, EventType.OPT_OUT_REMOVED), limit)
                .stream().map(OptOutEvents::change).toList();
    }
}
