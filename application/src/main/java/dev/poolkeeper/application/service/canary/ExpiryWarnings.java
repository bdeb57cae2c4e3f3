package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A canary inbox's end announced ahead: 7 days, then 1 day. The account hears it once per warning; each pool
 * whose probe schedule uses the inbox hears it once too, also when its schedule starts using an inbox that
 * was already warned.
 */
final class ExpiryWarnings {
    static final List<Integer> DAYS = List.of(7, 1);

    private ExpiryWarnings() {
    }

    /** The nearest warning due for the inbox at {@code now}, if any (a far one not given in time is not given late). */
    static Optional<Integer> due(CanaryInbox inbox, Instant now) {
        Instant ends = inbox.endsAt().orElse(null);
        if (ends == null) {
            return Optional.empty();
        }
        return DAYS.stream().filter(d -> ends.isBefore(now.plus(Duration.ofDays(d)))).min(Integer::compare);
    }

    static PoolEvent forPool(CanaryInbox inbox, PoolId pool, int days, Instant now) {
        return PoolEvent.bySystem(inbox.accountId(), pool, PoolEventType.CANARY_INBOX_EXPIRING, now,
                Map.of("inbox_id", inbox.id().value()), Map.of("inbox_id", inbox.id().value(),
                        "ends_at", inbox.endsAt().orElseThrow().toString(), "within_days", days));
    }

    static AccountEvent forAccount(CanaryInbox inbox, int days, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("inbox_id", inbox.id().value());
        inbox.number().ifPresent(n -> data.put("number", n.e164()));
        data.put("ends_at", inbox.endsAt().orElseThrow().toString());
        data.put("within_days", days);
        return AccountEvent.of(inbox.accountId(), EventType.CANARY_INBOX_EXPIRING, now, Map.of("canary_inbox", data));
    }
}
