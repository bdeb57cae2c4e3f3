package dev.poolkeeper.domain.canary;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.WireName;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number an account rents, with a readable inbox, to see its pools' messages arrive end to end. It is
 * {@code renting} from the moment it is asked for until the provider's answer (or, when that answer was
 * lost, the provider's list of rentals) says what became of it: {@code active} until {@link #endsAt()},
 * then {@code expired}; {@code failed} when it was never rented (nothing was charged).
 *
 * @param probesPaused why no probes are sent to it (it looks broken, or its connection was refused), until
 *                     resumed
 * @param rentalKey    the key the rental was asked for with: asking again with it leads back here
 */
public record CanaryInbox(CanaryInboxId id, AccountId accountId, ConnectionId connectionId, String service,
                          int days, Status status, Optional<String> rentalId, Optional<PhoneNumber> number,
                          Optional<BigDecimal> cost, Optional<Instant> endsAt, Optional<String> detail,
                          Optional<String> probesPaused, String rentalKey, Instant createdAt, Instant updatedAt) {
    /** The rental periods a provider offers, in days. */
    public static final List<Integer> PERIODS = List.of(1, 3, 7, 14, 30);
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public enum Status implements WireName {
        RENTING, ACTIVE, EXPIRED, FAILED
    }

    public CanaryInbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rentalId, "rentalId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(probesPaused, "probesPaused");
        Objects.requireNonNull(rentalKey, "rentalKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        checkService(service);
        checkDays(days);
        if ((status == Status.ACTIVE || status == Status.EXPIRED)
                && (rentalId.isEmpty() || number.isEmpty() || endsAt.isEmpty())) {
            throw new IllegalArgumentException("a rented inbox has its rental id, number and end");
        }
    }

    /** A service name as a provider spells it: 1-64 letters, digits, '.', '_' or '-'. */
    public static void checkService(String service) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw DomainException.invalidField("service", "must be 1-64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
    }

    public static void checkDays(int days) {
        if (!PERIODS.contains(days)) {
            throw DomainException.invalidField("days", "must be one of " + PERIODS);
        }
    }

    /** A rental asked for and not yet answered. */
    public static CanaryInbox renting(AccountId account, ConnectionId connection, String service, int days,
                                      String rentalKey, Instant at) {
        return new CanaryInbox(CanaryInboxId.newId(at), account, connection, service, days, Status.RENTING,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                rentalKey, at, at);
    }

    public static DomainException notFound(String id) {
        return new DomainException(ErrorCode.CANARY_INBOX_NOT_FOUND, "no canary inbox " + id);
    }

    /** Whether a retry with the same key asks for the same rental. */
    public boolean sameRequest(ConnectionId connection, String otherService, int otherDays) {
        return connectionId.equals(connection) && service.equals(otherService) && days == otherDays;
    }

    public CanaryInbox rented(String newRentalId, PhoneNumber newNumber, Optional<BigDecimal> newCost,
                              Instant newEndsAt, Instant at) {
        return new CanaryInbox(id, accountId, connectionId, service, days, Status.ACTIVE, Optional.of(newRentalId),
                Optional.of(newNumber), newCost, Optional.of(newEndsAt), Optional.empty(), probesPaused, rentalKey, createdAt,
                at);
    }

    /** Still renting, with a word on why it is not known yet. */
    public CanaryInbox unconfirmed(String why, Instant at) {
        return new CanaryInbox(id, accountId, connectionId, service, days, Status.RENTING, rentalId, number, cost,
                endsAt, Optional.of(why), probesPaused, rentalKey, createdAt, at);
    }

    public CanaryInbox failed(String why, Instant at) {
        return new CanaryInbox(id, accountId, connectionId, service, days, Status.FAILED, rentalId, number, cost,
                endsAt, Optional.of(why), probesPaused, rentalKey, createdAt, at);
    }

    public CanaryInbox expired(String why, Instant at) {
        return new CanaryInbox(id, accountId, connectionId, service, days, Status.EXPIRED, rentalId, number, cost,
                endsAt, Optional.of(why), probesPaused, rentalKey, createdAt, at);
    }

    /** The same inbox with probes paused for {@code why}, or resumed (empty). */
    public CanaryInbox withProbesPaused(Optional<String> why, Instant at) {
        return new CanaryInbox(id, accountId, connectionId, service, days, status, rentalId, number, cost, endsAt,
                detail, why, rentalKey, createdAt, at);
    }

    /** Whether probes can be sent to it now. */
    public boolean probeable(Instant now) {
        return status == Status.ACTIVE && probesPaused.isEmpty() && endsAt.map(now::isBefore).orElse(false);
    }

    /** Whole days left until the rental ends (0 on its last day and after). */
    public long daysLeft(Instant now) {
        return endsAt.map(end -> Math.max(0, Duration.between(now, end).toDays())).orElse(0L);
    }

    /**
     * Whether a rental the provider lists could be the answer to this one's lost request: same length, not
     * claimed by another inbox, and ending {@code days} after a moment between the request and now.
     */
    public boolean couldBe(int rentalDays, Instant rentalEndsAt, Instant now, Duration slack) {
        Duration period = Duration.ofDays(days);
        return rentalDays == days
                && !rentalEndsAt.isBefore(createdAt.plus(period).minus(slack))
                && !rentalEndsAt.isAfter(now.plus(period).plus(slack));
    }
}
