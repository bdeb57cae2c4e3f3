package dev.poolkeeper.adapters.persistence.event;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.adapters.persistence.provider.SecretCipher;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.EventEndpoint;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.event.SigningSecrets;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Event endpoints; their signing secrets are sealed with the instance key (AES-256-GCM, the row's id and
 * account as associated data), as provider credentials are.
 */
@Singleton
final class EventEndpointPersistenceAdapter implements EventEndpointRepository {
    private static final Argument<Map<String, String>> SECRETS = Argument.mapOf(String.class, String.class);
    private static final String COLUMNS = "id, account_id, url, event_types, enabled, disabled_reason, failing_since,"
            + " key_id, nonce, secrets, created_at, updated_at";

    private final Jdbc jdbc;
    private final JsonColumns json;
    private final SecretCipher cipher;
    private final EventSubscribers subscribers;

    EventEndpointPersistenceAdapter(Jdbc jdbc, JsonColumns json, SecretCipher cipher, EventSubscribers subscribers) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.subscribers = subscribers;
    }

    private static String associatedData(EventEndpointId id, AccountId account) {
        return "event-endpoint|" + id.value() + "|" + account.value();
    }

    private SecretCipher.Sealed seal(EventEndpoint e) {
        if (cipher.activeKey().isEmpty()) {
            throw new DomainException(ErrorCode.EVENT_ENDPOINT_NOT_STORABLE, "this instance has no key to encrypt"
                    + " signing secrets with (set POOLKEEPER_SECRETS_KEYS)");
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("current", e.secrets().current());
        e.secrets().previous().ifPresent(p -> secrets.put("previous", p));
        e.secrets().previousUntil().ifPresent(u -> secrets.put("previous_until", u.toString()));
        return cipher.seal(json.write(secrets), associatedData(e.id(), e.accountId()));
    }

    private static String types(EventEndpoint e) {
        return e.types().stream().map(EventType::wireName).sorted().collect(Collectors.joining(","));
    }

    @Override
    public void insert(EventEndpoint e) {
        SecretCipher.Sealed sealed = seal(e);
        jdbc.write(c -> {
            subscribers.changing(e.accountId());
            return Jdbc.update(c, "INSERT INTO event_endpoints (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(12)
                            + ")", e.id().value(), e.accountId().value(), e.url().toString(), types(e), e.enabled(),
                    e.disabledReason().orElse(null), e.failingSince().orElse(null), sealed.keyId(), sealed.nonce(),
                    sealed.ciphertext(), e.createdAt(), e.updatedAt());
        });
    }

    @Override
    public void update(EventEndpoint e) {
        SecretCipher.Sealed sealed = seal(e);
        jdbc.write(c -> {
            subscribers.changing(e.accountId());
            return Jdbc.update(c, "UPDATE event_endpoints SET url = ?, event_types = ?, enabled = ?,"
                            + " disabled_reason = ?, failing_since = ?, key_id = ?, nonce = ?, secrets = ?, updated_at = ?"
                            + " WHERE id = ? AND account_id = ?", e.url().toString(), types(e), e.enabled(),
                    e.disabledReason().orElse(null), e.failingSince().orElse(null), sealed.keyId(), sealed.nonce(),
                    sealed.ciphertext(), e.updatedAt(), e.id().value(), e.accountId().value());
        });
    }

    @Override
    public Optional<EventEndpoint> find(AccountId accountId, EventEndpointId id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM event_endpoints WHERE id = ?"
                + " AND account_id = ?", this::endpoint, id.value(), accountId.value()));
    }

    @Override
    public Optional<EventEndpoint> lock(AccountId accountId, EventEndpointId id) {
        return jdbc.write(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM event_endpoints WHERE id = ?"
                + " AND account_id = ? FOR UPDATE", this::endpoint, id.value(), accountId.value()));
    }

    @Override
    public Page<EventEndpoint> list(AccountId accountId, PageRequest page) {
        List<Positioned<EventEndpoint>> rows = jdbc.read(c -> Jdbc.query(c, "SELECT seq, " + COLUMNS
                        + " FROM event_endpoints WHERE account_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Positioned<>(rs.getLong("seq"), endpoint(rs)), accountId.value(), page.after().orElse(0),
                page.size() + 1));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public boolean delete(AccountId accountId, EventEndpointId id) {
        return jdbc.write(c -> {
            subscribers.changing(accountId);
            int deleted = Jdbc.update(c, "DELETE FROM event_endpoints WHERE id = ? AND account_id = ?", id.value(),
                    accountId.value());
            if (deleted > 0) {
                EventDeliveryPersistenceAdapter.abandonWaiting(c, id, "the endpoint was deleted");
            }
            return deleted > 0;
        });
    }

    private EventEndpoint endpoint(ResultSet rs) throws SQLException {
        EventEndpointId id = new EventEndpointId(rs.getString("id"));
        AccountId account = new AccountId(rs.getString("account_id"));
        Map<String, String> secrets = json.read(cipher.open(new SecretCipher.Sealed(rs.getString("key_id"),
                rs.getBytes("nonce"), rs.getBytes("secrets")), associatedData(id, account)), SECRETS);
        String types = rs.getString("event_types");
        Set<EventType> parsed = types.isEmpty() ? Set.of() : Arrays.stream(types.split(","))
                .map(t -> EventType.parse(t).orElseThrow(() -> new IllegalStateException("unknown event type " + t)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EventType.class)));
        return EventEndpoint.reconstitute(id, account, URI.create(rs.getString("url")), parsed,
                rs.getBoolean("enabled"), Optional.ofNullable(rs.getString("disabled_reason")),
                Optional.ofNullable(Jdbc.instant(rs, "failing_since")),
                new SigningSecrets(secrets.get("current"), Optional.ofNullable(secrets.get("previous")),
                        Optional.ofNullable(secrets.get("previous_until")).map(Instant::parse)),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
    }
}
