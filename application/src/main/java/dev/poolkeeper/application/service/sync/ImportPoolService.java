package dev.poolkeeper.application.service.sync;

import dev.poolkeeper.application.port.in.sync.ImportPoolCommand;
import dev.poolkeeper.application.port.in.sync.ImportPoolUseCase;
import dev.poolkeeper.application.port.in.sync.ImportResult;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.provider.ProviderProblems;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.number.AddedMembers;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.MembershipSnapshot;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolMembership;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class ImportPoolService implements ImportPoolUseCase {
    private final ProviderPorts providers;
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final PoolEventRepository events;
    private final SyncPartRepository parts;
    private final TransactionRunner tx;
    private final Clock clock;

    public ImportPoolService(ProviderPorts providers, PoolRepository pools, PoolMemberRepository members,
                             PoolEventRepository events, SyncPartRepository parts, TransactionRunner tx, Clock clock) {
        this.providers = providers;
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.parts = parts;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public ImportResult importPool(ImportPoolCommand command) {
        Instant now = Times.now(clock);
        ProviderPoolPort port = providers.pools(command.caller().accountId(), command.provider())
                .filter(ProviderPoolPort::configured)
                .orElseThrow(() -> new DomainException(ErrorCode.PROVIDER_NOT_CONFIGURED,
                        command.provider().wireName() + " has no credentials configured"));
        if (!port.isPoolId(command.providerPoolId())) {
            throw DomainException.invalidField("provider_pool_id", "a " + command.provider().wireName()
                    + " pool id is " + port.poolIdShape());
        }
        refuseIfMirrored(command);
        ObservedPart observed = read(port, command);
        NumberPool pool = NumberPool.create(command.caller().accountId(),
                port.dialect().imported(command.name(), observed.settings()), now);
        List<MemberRequest> requests = observed.numbers().stream().sorted(Comparator.comparing(PhoneNumber::e164))
                .map(n -> new MemberRequest(n.e164(), command.provider(), null, command.campaign().orElse(null), false,
                        MemberRequest.DEFAULT_WEIGHT))
                .toList();
        return tx.inTransaction(() -> {
            Map<PhoneNumber, PoolId> taken = members.findPools(pool.accountId(), observed.numbers());
            List<MemberOutcome> outcomes = new ArrayList<>();
            Map<PhoneNumber, PoolMember> admittedSoFar = new HashMap<>();
            Optional<CampaignId> campaign = Optional.empty();
            for (int i = 0; i < requests.size(); i += PoolMembership.MAX_BATCH) {
                List<MemberOutcome> batch = PoolMembership.admit(pool, requests.subList(i, Math.min(requests.size(),
                        i + PoolMembership.MAX_BATCH)), new MembershipSnapshot(admittedSoFar, taken, campaign), now);
                for (MemberOutcome o : batch) {
                    o.addedMember().ifPresent(m -> admittedSoFar.put(m.number(), m));
                }
                campaign = campaign.or(() -> batch.stream().flatMap(o -> o.addedMember().stream())
                        .filter(PoolMember::isUsLongCode).findFirst().flatMap(PoolMember::campaign));
                outcomes.addAll(batch);
            }
            List<MemberOutcome> refused = outcomes.stream()
                    .filter(o -> o.status() != MemberOutcome.Status.ADDED).toList();
            if (!refused.isEmpty()) {
                return new ImportResult(Optional.empty(), refused);
            }
            pools.insert(pool);
            String actor = command.caller().keyId().value();
            events.append(PoolEvent.of(pool, PoolEventType.POOL_CREATED, actor, now, null, Map.of(
                    "imported_from", command.provider().wireName(), "provider_pool_id", observed.providerPoolId())));
            List<PoolMember> admitted = outcomes.stream().flatMap(o -> o.addedMember().stream()).toList();
            if (!admitted.isEmpty()) {
                Set<PhoneNumber> lost = members.insert(pool.accountId(), pool.id(), admitted);
                if (!lost.isEmpty()) {
                    throw new DomainException(ErrorCode.NUMBER_IN_OTHER_POOL, lost.iterator().next().e164()
                            + " joined another pool of this account meanwhile; nothing was imported");
                }
            }
            AddedMembers.record(pools, events, pool, admitted, actor, now);
            if (!parts.insert(new SyncPart(pool.accountId(), pool.id(), command.provider(),
                    Optional.of(observed.providerPoolId()), SyncState.IN_SYNC, Optional.of(now), Optional.empty(), 0))) {
                refuseIfMirrored(command);
                throw alreadyMirrored(command, "another pool"); // taken meanwhile; the lookup above saw it go
            }
            return new ImportResult(Optional.of(pool), List.of());
        });
    }

    /**
     * A provider pool that a pool already mirrors cannot be imported: not twice by one account (409, naming
     * the pool), and not at all by another account, to which it is answered as if it did not exist (404).
     */
    private void refuseIfMirrored(ImportPoolCommand command) {
        Optional<SyncPart> mirror = parts.findByProviderPoolId(command.provider(), command.providerPoolId());
        if (mirror.isEmpty()) {
            return;
        }
        if (!mirror.get().accountId().equals(command.caller().accountId())) {
            throw notFound(command);
        }
        throw alreadyMirrored(command, "pool " + mirror.get().poolId().value());
    }

    private static DomainException alreadyMirrored(ImportPoolCommand command, String mirror) {
        return new DomainException(ErrorCode.PROVIDER_POOL_ALREADY_MIRRORED, command.provider().wireName() + " pool "
                + command.providerPoolId() + " is already mirrored by " + mirror + "; it can be imported once");
    }

    private static DomainException notFound(ImportPoolCommand command) {
        return new DomainException(ErrorCode.PROVIDER_POOL_NOT_FOUND, command.provider().wireName() + " has no pool "
                + command.providerPoolId());
    }

    /** The provider pool, every page; the part reference names it by the provider's id alone. */
    private ObservedPart read(ProviderPoolPort port, ImportPoolCommand command) {
        try {
            return port.read(new PartRef(PoolId.newId(Times.now(clock)), Optional.of(command.providerPoolId())))
                    .orElseThrow(() -> notFound(command));
        } catch (ProviderSyncException e) {
            throw ProviderProblems.of(e.failure(), command.provider().wireName() + ": " + e.code() + ": "
                    + e.getMessage(), e.retryAfter());
        }
    }
}
