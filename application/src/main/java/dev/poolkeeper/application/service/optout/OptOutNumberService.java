package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.OptOutNumberUseCase;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.Times;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.service.event.OptOutEvents;
import java.time.Clock;
import java.time.Instant;

/** Opts a number out of a list; doing it again keeps the first time. Pools mirroring the list are synced. */
public final class OptOutNumberService implements OptOutNumberUseCase {
    private final OptOutLists lists;
    private final OptOutRepository optOuts;
    private final OptOutListMirror mirror;
    private final EventRepository events;
    private final TransactionRunner tx;
    private final Clock clock;

    public OptOutNumberService(OptOutLists lists, OptOutRepository optOuts, OptOutListMirror mirror,
                               EventRepository events, TransactionRunner tx, Clock clock) {
        this.events = events;
        this.lists = lists;
        this.optOuts = optOuts;
        this.mirror = mirror;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public OptedOutNumber optOutNumber(Caller caller, OptOutListName name, PhoneNumber number) {
        OptOutLists.Found list = lists.require(caller, name);
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            OptedOutNumber stored = optOuts.optOut(caller.accountId(), list.key(), number, now);
            if (stored.optedOutAt().equals(now)) {
                events.append(OptOutEvents.of(caller.accountId(), true, list.key(), number, "api",
                        java.util.Optional.empty(), now));
            }
            list.changed(mirror, now);
            return stored;
        });
    }
}
