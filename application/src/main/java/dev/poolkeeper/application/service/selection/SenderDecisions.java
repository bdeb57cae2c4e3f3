package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.AlphanumericSenderPolicy;
import dev.poolkeeper.domain.selection.Candidate;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.PoolIndex;
import dev.poolkeeper.domain.selection.SelectionRequest;
import dev.poolkeeper.domain.selection.SenderSelector;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One decision: the pool (its stamp, then its row and index as cached while the stamp holds), the opt-out
 * and sticky look-ups, then the domain's {@link SenderSelector}; a real decision takes the sender's budget
 * and records the sticky mapping.
 * A new mapping is stored with insert-if-absent, so two first messages to one recipient, even on two
 * instances, end with one mapping and both use it. Shared by choosing a sender and sending a message.
 */
public final class SenderDecisions {
    private final PoolRepository pools;
    private final PoolIndexCache indexes;
    private final OptOutRepository optOuts;
    private final StickySenderRepository stickies;
    private final SendBudgets budgets;
    private final Clock clock;
    private final Function<AccountId, Set<Provider>> unavailable;
    private final AlphanumericSenderPolicy alphanumeric;

    /** Every provider available, the published alphanumeric-sender list. */
    public SenderDecisions(PoolRepository pools, PoolIndexCache indexes, OptOutRepository optOuts,
                           StickySenderRepository stickies, SendBudgets budgets, Clock clock) {
        this(pools, indexes, optOuts, stickies, budgets, clock, account -> Set.of(),
                AlphanumericSenderPolicy.published());
    }

    /**
     * @param unavailable  an account's providers without credentials (its own or the instance's): their numbers
     *                     are never chosen
     * @param alphanumeric where the pools' alphanumeric senders may be used
     */
    public SenderDecisions(PoolRepository pools, PoolIndexCache indexes, OptOutRepository optOuts,
                           StickySenderRepository stickies, SendBudgets budgets, Clock clock,
                           Function<AccountId, Set<Provider>> unavailable, AlphanumericSenderPolicy alphanumeric) {
        this.pools = pools;
        this.indexes = indexes;
        this.optOuts = optOuts;
        this.stickies = stickies;
        this.budgets = budgets;
        this.clock = clock;
        this.unavailable = unavailable;
        this.alphanumeric = alphanumeric;
    }

    /** A decision, the pool it was made for (read it, never change it: see {@link Loaded}), and its index. */
    public record Choice(NumberPool pool, Decision decision, PoolIndex index) {
    }

    /**
     * What one decision reads from the database. Read without a transaction: each read is one statement
     * that sees the latest committed data, and nothing ties the pool's row, the opt-out and the sticky
     * mapping to one snapshot — a transaction would only add its begin and commit round trips.
     */
    private record Inputs(NumberPool pool, PoolIndex index, boolean optedOut, Optional<StickyMapping> sticky) {
    }

    /**
     * Decides the sender for {@code to} among the members {@code allowed} lets through (everyone, or
     * all but the numbers a failed send already tried); {@code pool.not_found} for another account's pool.
     */
    public Choice decide(AccountId accountId, PoolId poolId, PhoneNumber to, boolean dryRun,
                         Predicate<Candidate> allowed) {
        return decide(accountId, poolId, to, dryRun ? Use.DRY_RUN : Use.SEND_NOW, allowed);
    }

    /**
     * Decides the sender of a message that will wait in the queue for its sender's budget: a real decision
     * (the sticky mapping is recorded) that takes no budget now, so a busy number stays the choice.
     */
    public Choice decideToQueue(AccountId accountId, PoolId poolId, PhoneNumber to, Predicate<Candidate> allowed) {
        return decide(accountId, poolId, to, Use.QUEUE, allowed);
    }

    /**
     * The pool as decisions see it (its row and its selection index), if the account has it: the row read
     * before while the pool's {@link PoolRepository.Stamp} says it is unchanged, else read again.
     */
    public Optional<Loaded> load(AccountId accountId, PoolId poolId) {
        Optional<PoolRepository.Stamp> stamp = pools.stamp(accountId, poolId);
        if (stamp.isEmpty()) {
            return Optional.empty();
        }
        Optional<Loaded> cached = indexes.ifCurrent(accountId, poolId, stamp.get());
        return cached.isPresent() ? cached
                : pools.find(accountId, poolId).map(p -> new Loaded(p, indexes.indexOf(p)));
    }

    /**
     * A pool and its selection index. The pool may be the instance shared by every decision made while it
     * is unchanged: read it, never change it.
     */
    public record Loaded(NumberPool pool, PoolIndex index) {
    }

    /** What a decision is for: a dry run, a send now (takes the budget), a message to queue (takes none). */
    private enum Use {
        DRY_RUN, SEND_NOW, QUEUE
    }

    private Choice decide(AccountId accountId, PoolId poolId, PhoneNumber to, Use use, Predicate<Candidate> allowed) {
        Instant now = Times.now(clock);
        Many in = read(accountId, poolId, List.of(to));
        List<PhoneNumber> touched = new ArrayList<>(1);
        Choice choice = choose(in.of(to), to, use, allowed, now, this.unavailable.apply(accountId), touched);
        touch(in.pool(), touched, now);
        return choice;
    }

    /** Touches the sticky mappings decisions used again, in one statement. */
    private void touch(NumberPool pool, List<PhoneNumber> touched, Instant now) {
        if (!touched.isEmpty()) {
            stickies.touchAll(pool.id(), touched, now);
        }
    }

    /**
     * Decides the senders of messages to {@code recipients} of one pool that will wait in the queue, as
     * {@link #decideToQueue} does for each, in order; the pool, the opt-outs and the sticky mappings of all
     * of them are read with one query each, and the mappings used again are touched with one statement.
     * {@code pool.not_found} for another account's pool. A recipient named twice sees the mapping its first
     * message made.
     */
    public List<Choice> decideAllToQueue(AccountId accountId, PoolId poolId, List<PhoneNumber> recipients) {
        Instant now = Times.now(clock);
        Many in = read(accountId, poolId, recipients);
        Set<Provider> unavailable = this.unavailable.apply(accountId);
        List<Choice> choices = new ArrayList<>(recipients.size());
        List<PhoneNumber> touched = new ArrayList<>();
        for (PhoneNumber to : recipients) {
            Choice choice = choose(in.of(to), to, Use.QUEUE, c -> true, now, unavailable, touched);
            if (in.pool().settings().stickySender() && choice.decision() instanceof Decision.Selected selected) {
                in.sticky().put(to, new StickyMapping(to, selected.sender().number(), now, now));
            }
            choices.add(choice);
        }
        touch(in.pool(), touched, now);
        return choices;
    }

    /** What decisions for one pool read: as {@link Inputs}, for every recipient. */
    private record Many(NumberPool pool, PoolIndex index, Set<PhoneNumber> optedOut,
                        Map<PhoneNumber, StickyMapping> sticky) {
        Inputs of(PhoneNumber to) {
            return new Inputs(pool, index, optedOut.contains(to), Optional.ofNullable(sticky.get(to)));
        }
    }

    /**
     * The pool (as {@link #load} finds it), then the opt-outs and the sticky mappings of {@code recipients}, one
     * query each; {@code pool.not_found} for another account's pool.
     */
    private Many read(AccountId accountId, PoolId poolId, Collection<PhoneNumber> recipients) {
        Loaded loaded = load(accountId, poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        NumberPool found = loaded.pool();
        Set<PhoneNumber> out = found.settings().selfManagedOptOutsEnabled() ? Set.of()
                : optOuts.optedOut(found.accountId(), found.optOutListKey(), recipients);
        Map<PhoneNumber, StickyMapping> sticky = found.settings().stickySender()
                ? new HashMap<>(stickies.findAll(found.id(), recipients)) : new HashMap<>();
        return new Many(found, loaded.index(), out, sticky);
    }

    /**
     * The decision on what was read: the selection, then the sticky mapping it makes; a mapping only used
     * again is added to {@code touchLater}, for the caller to touch (with others, in one statement).
     */
    private Choice choose(Inputs in, PhoneNumber to, Use use, Predicate<Candidate> allowed, Instant now,
                          Set<Provider> unavailable, List<PhoneNumber> touchLater) {
        boolean dryRun = use == Use.DRY_RUN;
        NumberPool pool = in.pool();
        Predicate<Candidate> budget = switch (use) {
            case DRY_RUN -> budgets::hasCapacity;
            case SEND_NOW -> budgets::tryTake;
            case QUEUE -> c -> true;
        };
        Decision decision = SenderSelector.select(new SelectionRequest(pool.settings(), in.index(), to, in.optedOut(),
                in.sticky(), allowed.and(budget), now, unavailable, alphanumeric));
        if (dryRun || !(decision instanceof Decision.Selected selected)) {
            return new Choice(pool, decision, in.index());
        }
        PhoneNumber sender = selected.sender().number();
        switch (selected.sticky()) {
            case TOUCH -> touchLater.add(to);
            case REPLACE -> stickies.put(pool.id(), new StickyMapping(to, sender, now, now));
            case CREATE -> {
                StickyMapping stored = stickies.insertIfAbsent(pool.id(), new StickyMapping(to, sender, now, now));
                if (!stored.sender().equals(sender)) {
                    return new Choice(pool, SenderSelector.select(new SelectionRequest(pool.settings(), in.index(), to,
                            in.optedOut(), Optional.of(stored), allowed.and(use == Use.QUEUE ? c -> true : budgets::hasCapacity), now, unavailable,
                            alphanumeric)), in.index());
                }
            }
            case NONE -> { }
        }
        return new Choice(pool, decision, in.index());
    }

    /** A send from {@code sender} never reached its provider: it spent nothing of the number's budget. */
    public void sendNeverLeft(PhoneNumber sender) {
        budgets.giveBack(sender);
    }

    /** After a failover, the recipient sticks to the number that really sent. */
    public void stickTo(NumberPool pool, PhoneNumber to, PhoneNumber sender) {
        if (pool.settings().stickySender()) {
            Instant now = Times.now(clock);
            stickies.put(pool.id(), new StickyMapping(to, sender, now, now));
        }
    }
}
