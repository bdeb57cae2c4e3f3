package dev.poolkeeper.adapters.persistence.stats;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.stats.DeliveryDayRepository;
import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** {@code pool_delivery_days} (V27): a pool's day in {@value #BUCKETS} rows, summed when read. */
@Singleton
final class DeliveryDayPersistenceAdapter implements DeliveryDayRepository {
    static final int BUCKETS = 8;

    private final Jdbc jdbc;

    DeliveryDayPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void count(PoolId pool, String sender, LocalDate day, boolean delivered) {
        int bucket = Math.floorMod(sender.hashCode(), BUCKETS);
        int d = delivered ? 1 : 0;
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO pool_delivery_days (pool_id, day, bucket, delivered, undelivered)"
                        + " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE delivered = delivered + ?, undelivered = undelivered + ?",
                pool.value(), Date.valueOf(day), bucket, d, 1 - d, d, 1 - d));
    }

    @Override
    public List<DeliveryDay> days(PoolId pool, LocalDate first, LocalDate last) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT day, SUM(delivered), SUM(undelivered) FROM pool_delivery_days"
                        + " WHERE pool_id = ? AND day BETWEEN ? AND ? GROUP BY day ORDER BY day",
                rs -> new DeliveryDay(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)),
                pool.value(), Date.valueOf(first), Date.valueOf(last)));
    }
}
