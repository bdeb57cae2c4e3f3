package dev.poolkeeper.application.port.out.stats;

import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.LocalDate;
import java.util.List;

/** Each pool's final delivery receipts counted per day, written with the receipt they count. */
public interface DeliveryDayRepository {
    /** One more receipt of the pool on that day, of a message sent from {@code sender} (a number or a name). */
    void count(PoolId pool, String sender, LocalDate day, boolean delivered);

    /** The pool's days from {@code first} to {@code last}, oldest first; a day without receipts is left out. */
    List<DeliveryDay> days(PoolId pool, LocalDate first, LocalDate last);
}
