package dev.poolkeeper.domain.event;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where an account's events are POSTed: an https URL, the event types it wants (none named: all), whether
 * it is enabled, and its signing secrets. An endpoint that keeps failing is disabled after
 * {@code disableAfter} with the reason; enabling it again starts afresh.
 */
public final class EventEndpoint {
    public static final int MAX_URL_LENGTH = 2048;

    private final EventEndpointId id;
    private final AccountId accountId;
    private final Instant createdAt;
    private URI url;
    private Set<EventType> types;
    private boolean enabled;
    private String disabledReason;
    private Instant failingSince;
    private SigningSecrets secrets;
    private Instant updatedAt;

    private EventEndpoint(EventEndpointId id, AccountId accountId, URI url, Set<EventType> types, boolean enabled,
                          String disabledReason, Instant failingSince, SigningSecrets secrets, Instant createdAt,
                          Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.url = Objects.requireNonNull(url, "url");
        this.types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        this.enabled = enabled;
        this.disabledReason = disabledReason;
        this.failingSince = failingSince;
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static EventEndpoint create(AccountId accountId, URI url, Set<EventType> types, boolean enabled,
                                       Instant now) {
        return new EventEndpoint(EventEndpointId.newId(now), accountId, url, types, enabled, null, null,
                SigningSecrets.generate(), now, now);
    }

    public static EventEndpoint reconstitute(EventEndpointId id, AccountId accountId, URI url, Set<EventType> types,
                                             boolean enabled, Optional<String> disabledReason,
                                             Optional<Instant> failingSince, SigningSecrets secrets,
                                             Instant createdAt, Instant updatedAt) {
        return new EventEndpoint(id, accountId, url, types, enabled, disabledReason.orElse(null),
                failingSince.orElse(null), secrets, createdAt, updatedAt);
    }

    /**
     * Reads an endpoint URL a client gave: absolute, https (http only where {@code allowHttp}), a host, no
     * user info, at most {@value #MAX_URL_LENGTH} characters. Where it points is checked separately.
     */
    public static URI url(String value, boolean allowHttp) {
        if (value == null || value.isBlank() || value.length() > MAX_URL_LENGTH) {
            throw DomainException.invalidField("url", "an https URL of at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(value);
            boolean scheme = "https".equalsIgnoreCase(uri.getScheme())
                    || (allowHttp && "http".equalsIgnoreCase(uri.getScheme()));
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || !scheme) {
                throw DomainException.invalidField("url", allowHttp ? "an absolute http(s) URL with a host and no"
                        + " user info" : "an absolute https URL with a host and no user info");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw DomainException.invalidField("url", "not a URL");
        }
    }

    public static DomainException notFound(String id) {
        return new DomainException(ErrorCode.EVENT_ENDPOINT_NOT_FOUND, "event endpoint " + id + " not found");
    }

    /** Whether {@code other} is on this endpoint's origin (scheme, host and port), so its secret may sign there. */
    public boolean sameOrigin(URI other) {
        return enabled && url.getScheme().equalsIgnoreCase(other.getScheme())
                && url.getHost().equalsIgnoreCase(other.getHost()) && port(url) == port(other);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Whether events of {@code type} go to this endpoint now. */
    public boolean wants(EventType type) {
        return enabled && (types.isEmpty() || types.contains(type));
    }

    /** Changes what a client may change; enabling a disabled endpoint clears why it was disabled. */
    public void change(Optional<URI> newUrl, Optional<Set<EventType>> newTypes, Optional<Boolean> enable,
                       Instant now) {
        newUrl.ifPresent(u -> url = u);
        newTypes.ifPresent(t -> types = t.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(t)));
        enable.ifPresent(e -> {
            if (e && !enabled) {
                disabledReason = null;
                failingSince = null;
            }
            enabled = e;
        });
        updatedAt = now;
    }

    /** A new signing secret; the old one still signs for {@code overlap}. Returns the new secret. */
    public String rotateSecret(Duration overlap, Instant now) {
        secrets = secrets.rotate(overlap, now);
        updatedAt = now;
        return secrets.current();
    }

    /** A delivery succeeded: the endpoint is no longer failing. Returns whether anything changed. */
    public boolean delivered(Instant now) {
        if (failingSince == null) {
            return false;
        }
        failingSince = null;
        updatedAt = now;
        return true;
    }

    /**
     * A delivery failed. The endpoint is failing since its first failure after its last success; once that is
     * {@code disableAfter} ago it is disabled. Returns whether this failure disabled it.
     */
    public boolean failed(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
            updatedAt = now;
        }
        if (enabled && !now.isBefore(failingSince.plus(disableAfter))) {
            enabled = false;
            disabledReason = "every delivery failed since " + failingSince;
            updatedAt = now;
            return true;
        }
        return false;
    }

    public EventEndpointId id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public URI url() {
        return url;
    }

    /** The types it wants; empty means every type. */
    public Set<EventType> types() {
        return types;
    }

    public boolean enabled() {
        return enabled;
    }

    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    public SigningSecrets secrets() {
        return secrets;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
