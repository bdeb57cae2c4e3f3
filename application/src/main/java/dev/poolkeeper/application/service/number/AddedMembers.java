package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What members stored in a pool write besides their rows, for adding numbers and importing a pool: the
 * pool's count and providers, and the {@code numbers.added} event. Nothing when none were stored.
 */
public final class AddedMembers {
    private AddedMembers() {
    }

    public static void record(PoolRepository pools, PoolEventRepository events, NumberPool pool,
                              List<PoolMember> added, String actor, Instant now) {
        if (added.isEmpty()) {
            return;
        }
        Set<Provider> providers = EnumSet.noneOf(Provider.class);
        providers.addAll(pool.providers());
        added.forEach(m -> providers.add(m.provider()));
        pool.membershipChanged(pool.numberCount() + added.size(), providers, now);
        pools.updateMembershipSummary(pool);
        events.append(PoolEvent.of(pool, PoolEventType.NUMBERS_ADDED, actor, now, null,
                Map.of("numbers", added.stream().map(m -> m.number().e164()).toList())));
    }
}
