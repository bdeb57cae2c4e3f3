package dev.poolkeeper.application.port.in.sync;

import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.NumberPool;
import java.util.List;
import java.util.Optional;

/** The new pool, or — when any of the provider's numbers cannot join it — nothing and those numbers' outcomes. */
public record ImportResult(Optional<NumberPool> pool, List<MemberOutcome> refused) {
}
