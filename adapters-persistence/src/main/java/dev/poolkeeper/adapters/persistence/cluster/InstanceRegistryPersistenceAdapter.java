package dev.poolkeeper.adapters.persistence.cluster;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.cluster.InstanceRegistry;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** One row an instance; each statement commits by itself (no locks held between them). */
@Singleton
final class InstanceRegistryPersistenceAdapter implements InstanceRegistry {
    private final Jdbc jdbc;

    InstanceRegistryPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> heartbeat(String instanceId, Instant now, Instant aliveSince, Instant forgetBefore) {
        return jdbc.autocommit(c -> {
            Jdbc.update(c, "INSERT INTO service_instances (instance_id, seen_at) VALUES (?, ?)"
                    + " ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)", instanceId, now);
            Jdbc.update(c, "DELETE FROM service_instances WHERE seen_at < ?", forgetBefore);
            return Jdbc.query(c, "SELECT instance_id FROM service_instances WHERE seen_at >= ? ORDER BY instance_id",
                    rs -> rs.getString(1), aliveSince);
        });
    }
}
