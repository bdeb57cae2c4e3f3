package dev.poolkeeper.application.port.in.pool;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;

/** A pool's final delivery receipts per day (UTC), for "did deliveries drop, and when". */
public interface PoolDeliveryDaysUseCase {
    int MAX_DAYS = 90;

    /** The last {@code days} days (1–{@value #MAX_DAYS}) up to today, oldest first, each day present. */
    List<DeliveryDay> deliveryDays(Caller caller, PoolId pool, int days);
}
