package dev.poolkeeper.domain.event;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.shared.Ids;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something an account's application is told: an id ({@code evt_} and a ULID), its type, when, and the
 * resource it is about ({@code data}: {@code {"message": {…}}}, {@code {"opt_out": {…}}}, …).
 */
public record AccountEvent(String id, AccountId accountId, EventType type, Instant createdAt,
                           Map<String, Object> data) {
    public static final String PREFIX = "evt_";

    public AccountEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
    }

    public static AccountEvent of(AccountId accountId, EventType type, Instant at, Map<String, Object> data) {
        return new AccountEvent(Ids.newId(PREFIX, at), accountId, type, at, data);
    }

    public static boolean isWellFormedId(String value) {
        return value != null && Ids.isWellFormed(PREFIX, value);
    }
}
