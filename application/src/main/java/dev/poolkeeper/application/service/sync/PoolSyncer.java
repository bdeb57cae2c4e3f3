package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.sync.PartPlan;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import dev.poolkeeper.domain.sync.DesiredPart;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.SyncOperation;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncPlanner;
import dev.poolkeeper.domain.sync.SyncState;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reconciles one pool with every provider it is at: read what the provider holds, plan, apply the plan
 * one operation at a time, and record each part's state. Shared by the plan endpoint (which stops after
 * planning) and the worker. The desired state is never changed here, whatever a provider answers.
 */
public final class PoolSyncer {
    /** What a run of one pool asks of the worker: done, or come back later (a provider was unavailable). */
    public record Outcome(Optional<Instant> retryAt) {
    }

    private record Loaded(Optional<NumberPool> pool, List<PoolMember> members, List<SyncPart> parts,
                          Set<PhoneNumber> optedOut) {
        /** The connection the pool's members at the provider name (one per provider and pool), if any. */
        Optional<ConnectionId> connection(Provider provider) {
            return members.stream().filter(m -> m.provider() == provider).flatMap(m -> m.connection().stream())
                    .findFirst();
        }
    }

    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final SyncPartRepository parts;
    private final OptOutRepository optOuts;
    private final PoolEventRepository events;
    private final ProviderPorts ports;
    private final TransactionRunner tx;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    private final Clock clock;

    public PoolSyncer(PoolRepository pools, PoolMemberRepository members, SyncPartRepository parts,
                      OptOutRepository optOuts, PoolEventRepository events, ProviderPorts ports,
                      TransactionRunner tx, Backoff backoff, Backoff.Sleeper sleeper, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.parts = parts;
        this.optOuts = optOuts;
        this.events = events;
        this.ports = ports;
        this.tx = tx;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    private Loaded load(AccountId accountId, PoolId poolId) {
        return tx.inTransaction(() -> {
            Optional<NumberPool> pool = pools.find(accountId, poolId);
            List<PoolMember> all = pool.isPresent() ? members.all(poolId) : List.of();
            boolean mirrored = all.stream().anyMatch(m -> mirrorsOptOutList(m.provider()));
            return new Loaded(pool, all, parts.parts(poolId),
                    mirrored ? optedOut(pool.get()) : Set.of());
        });
    }

    /** Every number on the pool's opt-out list, page by page. */
    private Set<PhoneNumber> optedOut(NumberPool pool) {
        Set<PhoneNumber> numbers = new HashSet<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<OptedOutNumber> batch = optOuts.list(pool.accountId(), pool.optOutListKey(), page);
            batch.items().forEach(o -> numbers.add(o.number()));
            if (batch.next().isEmpty()) {
                return numbers;
            }
            page = PageRequest.after(PageRequest.MAX_SIZE, batch.next().getAsLong());
        }
    }

    private static Set<Provider> providers(Loaded loaded) {
        Set<Provider> providers = EnumSet.noneOf(Provider.class);
        loaded.members().forEach(m -> providers.add(m.provider()));
        loaded.parts().forEach(p -> providers.add(p.provider()));
        return providers;
    }

    private boolean mirrorsOptOutList(Provider provider) {
        return ports.capabilities(provider).map(c -> c.mirrorsOptOutList()).orElse(false);
    }

    private DesiredPart desired(PoolId poolId, Loaded loaded, Provider provider) {
        Set<PhoneNumber> numbers = loaded.members().stream().filter(m -> m.provider() == provider)
                .map(PoolMember::number).collect(Collectors.toSet());
        return new DesiredPart(poolId, loaded.pool().map(p -> p.name().value()).orElse(poolId.value()),
                loaded.pool().map(NumberPool::settings),
                loaded.pool().map(NumberPool::messageType).orElse(MessageType.TRANSACTIONAL), numbers,
                mirrorsOptOutList(provider) ? loaded.optedOut() : Set.of());
    }

    private static SyncPart partOf(AccountId accountId, PoolId poolId, Loaded loaded, Provider provider) {
        return loaded.parts().stream().filter(p -> p.provider() == provider).findFirst()
                .orElseGet(() -> SyncPart.pending(accountId, poolId, provider));
    }

    /** The plan for every part, nothing applied. */
    public List<PartPlan> plan(AccountId accountId, PoolId poolId) {
        Loaded loaded = load(accountId, poolId);
        List<PartPlan> plans = new ArrayList<>();
        for (Provider provider : providers(loaded)) {
            SyncPart part = partOf(accountId, poolId, loaded, provider);
            ProviderPoolPort port = ports.pools(accountId, provider, loaded.connection(provider)).orElse(null);
            if (port == null || !port.configured()) {
                plans.add(new PartPlan(provider, part.providerPoolId(), List.of(), Optional.of(notConfigured(provider))));
                continue;
            }
            try {
                PartRef ref = new PartRef(poolId, part.providerPoolId());
                Optional<ObservedPart> observed = withRetries(() -> port.read(ref));
                plans.add(new PartPlan(provider, observed.map(ObservedPart::providerPoolId).or(part::providerPoolId),
                        SyncPlanner.plan(port.capabilities(), port.dialect(), desired(poolId, loaded, provider),
                                observed),
                        Optional.empty()));
            } catch (ProviderSyncException e) {
                plans.add(new PartPlan(provider, part.providerPoolId(), List.of(),
                        Optional.of(e.code() + ": " + e.getMessage())));
            }
        }
        return plans;
    }

    /**
     * Syncs every part of the pool; {@code heartbeat} runs after every provider operation, so the caller
     * can keep its lease on the pool for as long as a long plan takes.
     */
    public Outcome sync(AccountId accountId, PoolId poolId, Runnable heartbeat) {
        Instant started = Times.now(clock);
        Loaded loaded = load(accountId, poolId);
        Optional<Instant> retryAt = Optional.empty();
        for (Provider provider : providers(loaded)) {
            Optional<Instant> again = syncPart(accountId, poolId, loaded, provider, started, heartbeat);
            if (again.isPresent() && (retryAt.isEmpty() || again.get().isBefore(retryAt.get()))) {
                retryAt = again;
            }
        }
        return new Outcome(retryAt);
    }

    /** {@code now} is when the desired state was read: the part is in sync with the pool as it was then. */
    private Optional<Instant> syncPart(AccountId accountId, PoolId poolId, Loaded loaded, Provider provider,
                                       Instant now, Runnable heartbeat) {
        SyncPart part = partOf(accountId, poolId, loaded, provider);
        ProviderPoolPort port = ports.pools(accountId, provider, loaded.connection(provider)).orElse(null);
        if (port == null || !port.configured()) {
            save(part.with(part.providerPoolId(), SyncState.FAILED, part.lastSyncedAt(),
                    Optional.of(notConfigured(provider)), 0));
            failedEvent(part, accountId, poolId, provider, notConfigured(provider));
            return Optional.empty();
        }
        DesiredPart desired = desired(poolId, loaded, provider);
        try {
            Optional<ObservedPart> observed = withRetries(() -> port.read(new PartRef(poolId, part.providerPoolId())));
            Optional<String> providerPoolId = observed.map(ObservedPart::providerPoolId).or(part::providerPoolId);
            List<SyncOperation> plan = SyncPlanner.plan(port.capabilities(), port.dialect(), desired, observed);
            if (plan.isEmpty()) {
                if (!desired.wanted() && observed.isEmpty()) {
                    tx.inTransaction(() -> {
                        parts.delete(part);
                        return null;
                    });
                } else {
                    save(part.with(providerPoolId, SyncState.IN_SYNC, Optional.of(now), Optional.empty(), 0));
                }
                return Optional.empty();
            }
            boolean drift = part.state() == SyncState.IN_SYNC;
            SyncPart current = part.with(providerPoolId, drift ? SyncState.DRIFTED : SyncState.PENDING,
                    part.lastSyncedAt(), part.lastError(), plan.size());
            save(current);
            if (drift) {
                event(accountId, poolId, PoolEventType.SYNC_DRIFT_DETECTED, provider, Map.of("operations",
                        describe(plan)));
            }
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                SyncOperation op = plan.get(i);
                PartRef ref = new PartRef(poolId, current.providerPoolId());
                ProviderPoolPort.Applied applied = withRetries(() -> port.apply(ref, op));
                heartbeat.run();
                if (op.kind() == SyncOperation.Kind.DELETE_POOL) {
                    current = current.with(Optional.empty(), current.state(), current.lastSyncedAt(),
                            current.lastError(), plan.size() - i - 1);
                } else {
                    current = current.with(applied.providerPoolId().or(current::providerPoolId), current.state(),
                            current.lastSyncedAt(), current.lastError(), plan.size() - i - 1);
                }
                if (!applied.refused().isEmpty()) {
                    refusals.add(op.kind().wireName() + " refused " + applied.refused().stream()
                            .map(PhoneNumber::e164).toList() + ": " + applied.refusal());
                }
                save(current);
            }
            if (!refusals.isEmpty()) {
                String error = String.join("; ", refusals);
                save(current.with(current.providerPoolId(), SyncState.FAILED, Optional.of(now), Optional.of(error), 0));
                failedEvent(part, accountId, poolId, provider, error);
                return Optional.empty();
            }
            if (!desired.wanted()) {
                SyncPart gone = current;
                tx.inTransaction(() -> {
                    parts.delete(gone);
                    return null;
                });
            } else {
                save(current.with(current.providerPoolId(), SyncState.IN_SYNC, Optional.of(now), Optional.empty(), 0));
            }
            return Optional.empty();
        } catch (ProviderSyncException e) {
            String error = e.code() + ": " + e.getMessage();
            SyncPart latest = tx.inTransaction(() -> parts.parts(poolId)).stream()
                    .filter(p -> p.provider() == provider).findFirst().orElse(part);
            if (e.retryable()) {
                save(latest.with(latest.providerPoolId(), SyncState.PENDING, latest.lastSyncedAt(), Optional.of(error),
                        latest.pendingOperations()));
                return Optional.of(Times.now(clock).plus(backoff.maxWait()));
            }
            save(latest.with(latest.providerPoolId(), SyncState.FAILED, latest.lastSyncedAt(), Optional.of(error),
                    latest.pendingOperations()));
            failedEvent(part, accountId, poolId, provider, error);
            return Optional.empty();
        }
    }

    /**
     * A failure is an event once: a part that keeps failing the same way at every reconcile (a number the
     * provider will not take) does not write the same event every few minutes.
     */
    private void failedEvent(SyncPart before, AccountId accountId, PoolId poolId, Provider provider, String error) {
        if (before.state() != SyncState.FAILED || !before.lastError().equals(Optional.of(error))) {
            event(accountId, poolId, PoolEventType.SYNC_FAILED, provider, Map.of("error", error));
        }
    }

    private static List<String> describe(List<SyncOperation> plan) {
        return plan.stream().map(op -> op.kind().wireName() + (op.numbers().isEmpty() ? ""
                : " " + op.numbers().stream().map(PhoneNumber::e164).toList())).toList();
    }

    private static String notConfigured(Provider provider) {
        return ErrorCode.PROVIDER_NOT_CONFIGURED.code() + ": " + provider.wireName()
                + " has no credentials configured";
    }

    private void save(SyncPart part) {
        tx.inTransaction(() -> {
            parts.save(part);
            return null;
        });
    }

    private void event(AccountId accountId, PoolId poolId, PoolEventType type, Provider provider,
                       Map<String, Object> details) {
        Instant now = Times.now(clock);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("provider", provider.wireName());
        after.putAll(details);
        tx.inTransaction(() -> {
            events.append(PoolEvent.bySystem(accountId, poolId, type, now, null, after));
            return null;
        });
    }

    /** One provider call, retried while the provider says "not now", with backoff; a refusal is thrown at once. */
    private <T> T withRetries(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ProviderSyncException e) {
                if (!e.retryable() || attempt >= backoff.maxAttempts()) {
                    throw e;
                }
                Duration wait = backoff.delay(attempt, e.retryAfter());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
