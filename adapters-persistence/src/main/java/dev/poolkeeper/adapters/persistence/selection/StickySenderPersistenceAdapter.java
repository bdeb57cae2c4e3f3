package dev.poolkeeper.adapters.persistence.selection;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
final class StickySenderPersistenceAdapter implements StickySenderRepository {
    private static final String SELECT = "SELECT recipient, sender, created_at, last_used_at FROM sticky_senders"
            + " WHERE pool_id = ? AND recipient = ?";

    private final Jdbc jdbc;

    StickySenderPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StickyMapping> find(PoolId poolId, PhoneNumber recipient) {
        return jdbc.read(c -> Jdbc.queryOne(c, SELECT, StickySenderPersistenceAdapter::mapping, poolId.value(),
                recipient.e164()));
    }

    private static StickyMapping mapping(ResultSet rs) throws SQLException {
        return new StickyMapping(new PhoneNumber(rs.getString(1)), new PhoneNumber(rs.getString(2)),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_used_at"));
    }

    @Override
    public Map<PhoneNumber, StickyMapping> findAll(PoolId poolId, Collection<PhoneNumber> recipients) {
        Map<PhoneNumber, StickyMapping> found = new HashMap<>();
        jdbc.readIn("SELECT recipient, sender, created_at, last_used_at FROM sticky_senders WHERE pool_id = ?"
                        + " AND recipient IN", StickySenderPersistenceAdapter::mapping, List.of(poolId.value()),
                recipients.stream().map(PhoneNumber::e164).toList()).forEach(m -> found.put(m.recipient(), m));
        return found;
    }

    /**
     * One statement in autocommit mode (inside a transaction, on its connection). When another request won
     * the race, the mapping is read back with a locking read, which sees the winner's committed row
     * whatever snapshot a surrounding transaction holds.
     */
    @Override
    public StickyMapping insertIfAbsent(PoolId poolId, StickyMapping mapping) {
        boolean inserted = jdbc.autocommit(c -> Jdbc.insertUnlessDuplicate(c, x -> Jdbc.update(x,
                "INSERT INTO sticky_senders (pool_id, recipient, sender, created_at, last_used_at)"
                        + " VALUES (?, ?, ?, ?, ?)", poolId.value(), mapping.recipient().e164(),
                mapping.sender().e164(), mapping.createdAt(), mapping.lastUsedAt())));
        return inserted ? mapping : jdbc.read(c -> Jdbc.queryOne(c, SELECT + " LOCK IN SHARE MODE",
                StickySenderPersistenceAdapter::mapping, poolId.value(), mapping.recipient().e164())).orElse(mapping);
    }

    /** One statement in autocommit mode (inside a transaction, on its connection), as the writes below. */
    @Override
    public void put(PoolId poolId, StickyMapping mapping) {
        jdbc.autocommit(c -> Jdbc.update(c, "INSERT INTO sticky_senders (pool_id, recipient, sender, created_at,"
                        + " last_used_at) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE sender = VALUES(sender),"
                        + " created_at = VALUES(created_at), last_used_at = VALUES(last_used_at)",
                poolId.value(), mapping.recipient().e164(), mapping.sender().e164(), mapping.createdAt(),
                mapping.lastUsedAt()));
    }

    @Override
    public void touch(PoolId poolId, PhoneNumber recipient, Instant at) {
        touchAll(poolId, List.of(recipient), at);
    }

    @Override
    public void touchAll(PoolId poolId, Collection<PhoneNumber> recipients, Instant at) {
        jdbc.updateIn("UPDATE sticky_senders SET last_used_at = ? WHERE pool_id = ? AND recipient IN",
                List.of(at, poolId.value()), recipients.stream().map(PhoneNumber::e164).toList());
    }

    @Override
    public boolean delete(PoolId poolId, PhoneNumber recipient) {
        return jdbc.write(c -> Jdbc.update(c, "DELETE FROM sticky_senders WHERE pool_id = ? AND recipient = ?",
                poolId.value(), recipient.e164())) > 0;
    }

    @Override
    public long countBySender(PoolId poolId, PhoneNumber sender) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM sticky_senders WHERE pool_id = ? AND sender = ?",
                poolId.value(), sender.e164()));
    }
}
