package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.in.selection.SelectSenderCommand;
import dev.poolkeeper.application.port.in.selection.SelectSenderUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.selection.Candidate;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.PoolIndex;
import dev.poolkeeper.domain.selection.SelectionRequest;
import dev.poolkeeper.domain.selection.SenderSelector;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One decision: the pool row, the cached index, the opt-out and sticky look-ups, then the domain's
 * {@link SenderSelector}. A new sticky mapping is stored with insert-if-absent, so two first messages
 * to one recipient, even on two instances, end with one mapping and both use it.
 */
public final class SelectSenderService implements SelectSenderUseCase {
    private final PoolRepository pools;
    private final PoolIndexCache indexes;
    private final OptOutRepository optOuts;
    private final StickySenderRepository stickies;
    private final SendBudgets budgets;
    private final TransactionRunner tx;
    private final Clock clock;

    public SelectSenderService(PoolRepository pools, PoolIndexCache indexes, OptOutRepository optOuts,
                               StickySenderRepository stickies, SendBudgets budgets, TransactionRunner tx,
                               Clock clock) {
        this.pools = pools;
        this.tx = tx;
        this.indexes = indexes;
        this.optOuts = optOuts;
        this.stickies = stickies;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** The opt-out list a pool uses: the named list of its account, or else its own. */
    public static String optOutListKey(NumberPool pool) {
        return pool.settings().optOutList().map(OptOutListName::value).map(name -> "list:" + name)
                .orElse("pool:" + pool.id().value());
    }

    /** What one decision reads from the database, read in one transaction. */
    private record Inputs(NumberPool pool, PoolIndex index, boolean optedOut, Optional<StickyMapping> sticky) {
    }

    @Override
    public Decision selectSender(SelectSenderCommand command) {
        Instant now = Times.now(clock);
        PhoneNumber to = command.to();
        Inputs in = tx.inTransaction(() -> {
            NumberPool found = pools.find(command.caller().accountId(), command.poolId())
                    .orElseThrow(() -> NumberPool.notFound(command.poolId()));
            boolean out = !found.settings().selfManagedOptOutsEnabled()
                    && optOuts.isOptedOut(found.accountId(), optOutListKey(found), to);
            return new Inputs(found, indexes.indexOf(found), out,
                    found.settings().stickySender() ? stickies.find(found.id(), to) : Optional.empty());
        });
        NumberPool pool = in.pool();
        PoolIndex index = in.index();
        boolean optedOut = in.optedOut();
        Optional<StickyMapping> sticky = in.sticky();
        Predicate<Candidate> budget = command.dryRun() ? budgets::hasCapacity : budgets::tryTake;
        Decision decision = SenderSelector.select(new SelectionRequest(pool.settings(), index, to, optedOut, sticky,
                budget, now));
        if (command.dryRun() || !(decision instanceof Decision.Selected selected)) {
            return decision;
        }
        PhoneNumber sender = selected.sender().number();
        switch (selected.sticky()) {
            case TOUCH -> stickies.touch(pool.id(), to, now);
            case REPLACE -> stickies.put(pool.id(), new StickyMapping(to, sender, now, now));
            case CREATE -> {
                StickyMapping stored = stickies.insertIfAbsent(pool.id(), new StickyMapping(to, sender, now, now));
                if (!stored.sender().equals(sender)) {
                    return SenderSelector.select(new SelectionRequest(pool.settings(), index, to, optedOut,
                            Optional.of(stored), budgets::hasCapacity, now));
                }
            }
            case NONE -> { }
        }
        return decision;
    }
}
