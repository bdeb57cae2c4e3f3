package dev.poolkeeper.adapters.persistence.stats;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.stats.BacklogRepository;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.sync.SyncState;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/** Each count runs on an index (V5), so a metrics scrape stays cheap however many messages are stored. */
@Singleton
final class BacklogPersistenceAdapter implements BacklogRepository {
    private final Jdbc jdbc;

    BacklogPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long unhealthyNumbers() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM pool_numbers WHERE health = ?",
                NumberHealth.UNHEALTHY.wireName()));
    }

    @Override
    public long messagesAwaitingReconciliation() {
        // A message awaits a receipt only while sending or unknown (Message#giveUp): the index on
        // (status, needs_reconciliation, updated_at) finds them, and needs_reconciliation needs no index of its own.
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM messages WHERE status IN (?, ?)"
                        + " AND needs_reconciliation = TRUE",
                MessageStatus.SENDING.wireName(), MessageStatus.UNKNOWN.wireName()));
    }

    @Override
    public long syncRequestsOutstanding() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM sync_requests"));
    }

    @Override
    public Map<SyncState, Long> syncPartsByState() {
        Map<SyncState, Long> byState = new EnumMap<>(SyncState.class);
        for (SyncState state : SyncState.values()) {
            byState.put(state, 0L);
        }
        jdbc.read(c -> Jdbc.query(c, "SELECT state, COUNT(*) FROM sync_parts GROUP BY state",
                rs -> byState.put(Jdbc.wireName(SyncState.class, rs.getString(1)), rs.getLong(2))));
        return byState;
    }
}
