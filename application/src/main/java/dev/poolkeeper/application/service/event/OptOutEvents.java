package dev.poolkeeper.application.service.event;

import dev.poolkeeper.application.port.in.optout.RecentOptOutChangesUseCase.OptOutChange;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code opt_out.added} and {@code opt_out.removed}: which list, which number, and what changed it. */
public final class OptOutEvents {
    private OptOutEvents() {
    }

    /**
     * @param listKey {@code list:<name>} for a named list, {@code pool:<id>} for a pool's own
     * @param source  {@code keyword} (a STOP or START the number sent) or {@code api}
     */
    public static AccountEvent of(AccountId account, boolean added, String listKey, PhoneNumber number,
                                  String source, Optional<PoolId> pool, Instant at) {
        Map<String, Object> optOut = new LinkedHashMap<>();
        optOut.put("number", number.e164());
        if (listKey.startsWith("list:")) {
            optOut.put("list", listKey.substring("list:".length()));
        } else {
            optOut.put("pool_id", listKey.substring("pool:".length()));
        }
        pool.ifPresent(p -> optOut.put("received_in_pool_id", p.value()));
        optOut.put("source", source);
        return AccountEvent.of(account, added ? EventType.OPT_OUT_ADDED : EventType.OPT_OUT_REMOVED, at,
                Map.of("opt_out", optOut));
    }

    /** The change an {@code opt_out.added} or {@code opt_out.removed} event reports. */
    public static OptOutChange change(AccountEvent event) {
        Map<?, ?> optOut = (Map<?, ?>) event.data().get("opt_out");
        Object list = optOut.containsKey("list") ? optOut.get("list") : optOut.get("pool_id");
        return new OptOutChange(event.createdAt(), String.valueOf(optOut.get("number")),
                event.type() == EventType.OPT_OUT_ADDED, String.valueOf(list), String.valueOf(optOut.get("source")),
                Optional.ofNullable(optOut.get("received_in_pool_id")).map(String::valueOf));
    }
}
