package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.port.in.pool.UpdatePoolCommand;
import dev.poolkeeper.application.port.in.pool.UpdatePoolUseCase;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.TwoWayMembershipPolicy;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a merge patch under the pool's row lock. With If-Match the patch applies only to that
 * version; without it, the last writer wins field by field. The event records the changed fields only.
 */
public final class UpdatePoolService implements UpdatePoolUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final PoolEventRepository events;
    private final OptOutListRepository optOutLists;
    private final TransactionRunner tx;
    private final Clock clock;

    public UpdatePoolService(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                             OptOutListRepository optOutLists, TransactionRunner tx, Clock clock) {
        this.pools = pools;
        this.members = members;
        this.events = events;
        this.optOutLists = optOutLists;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public NumberPool updatePool(UpdatePoolCommand command) {
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            NumberPool pool = pools.lock(command.caller().accountId(), command.poolId())
                    .orElseThrow(() -> NumberPool.notFound(command.poolId()));
            long version = pool.version();
            if (command.expectedVersion().isPresent() && command.expectedVersion().getAsLong() != version) {
                throw new DomainException(ErrorCode.POOL_VERSION_CONFLICT, "the pool is at version " + version
                        + ", not " + command.expectedVersion().getAsLong() + "; read it again and retry");
            }
            Map<String, Object> before = pool.snapshot();
            boolean wasTwoWay = pool.settings().twoWayEnabled();
            if (!pool.update(command.patch(), now)) {
                return pool;
            }
            if (!wasTwoWay && pool.settings().twoWayEnabled()) {
                TwoWayMembershipPolicy.ensureCanBecomeTwoWay(members.countNotTwoWayCapable(pool.id()),
                        members.notTwoWayCapable(pool.id(), 10));
            }
            if (command.patch().setsOptOutList()) {
                OptOutListCheck.ensureExists(optOutLists, pool);
            }
            pools.update(pool, version);
            Map<String, Object> after = pool.snapshot();
            events.append(PoolEvent.of(pool, PoolEventType.POOL_UPDATED, command.caller().keyId().value(), now,
                    changed(before, after, before), changed(before, after, after)));
            return pool;
        });
    }

    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after,
                                               Map<String, Object> from) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String field : before.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                result.put(field, from.get(field));
            }
        }
        return result;
    }
}
