package dev.poolkeeper.application.service.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.pool.PoolDeliveryDaysUseCase;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.stats.DeliveryDayRepository;
import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The stored days of the pool, with the days that had no receipts filled in. */
public final class PoolDeliveryDaysService implements PoolDeliveryDaysUseCase {
    private final PoolRepository pools;
    private final DeliveryDayRepository days;
    private final Clock clock;

    public PoolDeliveryDaysService(PoolRepository pools, DeliveryDayRepository days, Clock clock) {
        this.pools = pools;
        this.days = days;
        this.clock = clock;
    }

    @Override
    public List<DeliveryDay> deliveryDays(Caller caller, PoolId pool, int count) {
        if (count < 1 || count > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1-" + MAX_DAYS);
        }
        pools.find(caller.accountId(), pool).orElseThrow(() -> NumberPool.notFound(pool));
        LocalDate last = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = last.minusDays(count - 1L);
        Map<LocalDate, DeliveryDay> stored = days.days(pool, first, last).stream()
                .collect(Collectors.toMap(DeliveryDay::day, Function.identity()));
        return first.datesUntil(last.plusDays(1)).map(d -> stored.getOrDefault(d, DeliveryDay.none(d))).toList();
    }
}
