package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.OptInNumberUseCase;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.service.event.OptOutEvents;
import java.time.Instant;
import java.time.Clock;

public final class OptInNumberService implements OptInNumberUseCase {
    private final OptOutLists lists;
    private final OptOutRepository optOuts;
    private final OptOutListMirror mirror;
    private final EventRepository events;
    private final TransactionRunner tx;
    private final Clock clock;

    public OptInNumberService(OptOutLists lists, OptOutRepository optOuts, OptOutListMirror mirror,
                              EventRepository events, TransactionRunner tx, Clock clock) {
        this.events = events;
        this.lists = lists;
        this.optOuts = optOuts;
        this.mirror = mirror;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void optInNumber(Caller caller, OptOutListName name, PhoneNumber number) {
        OptOutLists.Found list = lists.require(caller, name);
        String key = list.key();
        tx.inTransaction(() -> {
            if (!optOuts.optIn(caller.accountId(), key, number)) {
                throw new DomainException(ErrorCode.OPT_OUT_NOT_FOUND, number + " is not opted out of " + name);
            }
            Instant now = Times.now(clock);
            events.append(OptOutEvents.of(caller.accountId(), false, key, number, "api", java.util.Optional.empty(),
                    now));
            list.changed(mirror, now);
            return null;
        });
    }
}
