package dev.poolkeeper.domain.event;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.shared.Ids;
import dev.poolkeeper.domain.shared.WireName;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event on its way to one endpoint: {@code pending} until its first try, {@code retrying} after a failed
 * one, {@code delivered} once the endpoint answered 2xx, {@code dead} when it kept failing for
 * {@link #GIVE_UP_AFTER} (dead-lettered: it can still be redelivered by hand). Tries are at least once: a
 * delivery whose answer was lost is tried again, so a receiver deduplicates by event id.
 */
public final class EventDelivery {
    /** The waits after the first, second, … failed try; the last one repeats. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8));
    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    public static final String PREFIX = "dlv_";

    /** Where a delivery is. */
    public enum Status implements WireName {
        PENDING, RETRYING, DELIVERED, DEAD
    }

    private final String id;
    private final AccountId accountId;
    private final EventEndpointId endpointId;
    private final String eventId;
    private final Instant createdAt;
    private final URI url;
    private Status status;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lastAttemptAt;
    private Integer lastStatusCode;
    private String lastError;

    private EventDelivery(String id, AccountId accountId, EventEndpointId endpointId, String eventId, Status status,
                          int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode,
                          String lastError, Instant createdAt, URI url) {
        this.url = url;
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.status = Objects.requireNonNull(status, "status");
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastAttemptAt = lastAttemptAt;
        this.lastStatusCode = lastStatusCode;
        this.lastError = lastError;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public static EventDelivery pending(AccountId accountId, EventEndpointId endpointId, String eventId, Instant now) {
        return new EventDelivery(Ids.newId(PREFIX, now), accountId, endpointId, eventId, Status.PENDING, 0, now, null,
                null, null, now, null);
    }

    /**
     * A delivery to a message's own {@code status_callback}, on the origin of {@code endpointId}, whose secret
     * signs it.
     */
    public static EventDelivery toCallback(AccountId accountId, EventEndpointId endpointId, String eventId, URI url,
                                           Instant now) {
        return new EventDelivery(Ids.newId(PREFIX, now), accountId, endpointId, eventId, Status.PENDING, 0, now, null,
                null, null, now, java.util.Objects.requireNonNull(url, "url"));
    }

    public static EventDelivery reconstitute(String id, AccountId accountId, EventEndpointId endpointId,
                                             String eventId, Status status, int attempts,
                                             Optional<Instant> nextAttemptAt, Optional<Instant> lastAttemptAt,
                                             Optional<Integer> lastStatusCode, Optional<String> lastError,
                                             Instant createdAt, Optional<URI> url) {
        return new EventDelivery(id, accountId, endpointId, eventId, status, attempts, nextAttemptAt.orElse(null),
                lastAttemptAt.orElse(null), lastStatusCode.orElse(null), lastError.orElse(null), createdAt,
                url.orElse(null));
    }

    /** Where this delivery goes when not to its endpoint's URL: a message's status callback. */
    public Optional<URI> url() {
        return Optional.ofNullable(url);
    }

    /** The endpoint answered 2xx. */
    public void succeeded(int statusCode, Instant now) {
        attempts++;
        status = Status.DELIVERED;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = null;
        nextAttemptAt = null;
    }

    /**
     * The try failed ({@code statusCode} empty when no answer came): tried again after the next backoff, or
     * dead once {@link #GIVE_UP_AFTER} has passed since the delivery was made.
     */
    public void failed(Optional<Integer> statusCode, String error, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode.orElse(null);
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
        Instant next = now.plus(BACKOFF.get(Math.min(attempts, BACKOFF.size()) - 1));
        if (next.isAfter(createdAt.plus(GIVE_UP_AFTER))) {
            status = Status.DEAD;
            nextAttemptAt = null;
        } else {
            status = Status.RETRYING;
            nextAttemptAt = next;
        }
    }

    /** Its endpoint was disabled or deleted: it is not tried any more. */
    public void abandon(String why, Instant now) {
        status = Status.DEAD;
        lastError = why;
        nextAttemptAt = null;
        lastAttemptAt = lastAttemptAt == null ? now : lastAttemptAt;
    }

    public String id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public EventEndpointId endpointId() {
        return endpointId;
    }

    public String eventId() {
        return eventId;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> lastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    public Optional<Integer> lastStatusCode() {
        return Optional.ofNullable(lastStatusCode);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
