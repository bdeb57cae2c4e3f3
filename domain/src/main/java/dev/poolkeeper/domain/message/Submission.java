package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.shared.DomainException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the client asked a message to be sent: its priority, when at the earliest ({@code sendAt}), until
 * when at the latest ({@code expiresAt}, from the validity period), the reference echoed in its events,
 * and a per-message status callback URL.
 */
public record Submission(Priority priority, Optional<Instant> sendAt, Instant expiresAt,
                         Optional<String> clientReference, Optional<URI> statusCallback) {
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(4);
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(1);
    public static final Duration MAX_VALIDITY = Duration.ofDays(3);
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);
    public static final int MAX_REFERENCE_LENGTH = 255;
    public static final int MAX_CALLBACK_LENGTH = 2048;

    public Submission {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(clientReference, "clientReference");
        Objects.requireNonNull(statusCallback, "statusCallback");
    }

    /** Sent now, normal priority, valid for the default period. */
    public static Submission standard(Instant now) {
        return new Submission(Priority.NORMAL, Optional.empty(), now.plus(DEFAULT_VALIDITY), Optional.empty(),
                Optional.empty());
    }

    /**
     * Checks what a client gave, naming the field at fault: the validity period within
     * [{@link #MIN_VALIDITY}, {@link #MAX_VALIDITY}], {@code send_at} not in the past by more than a minute and
     * at most {@link #MAX_SCHEDULE_AHEAD} ahead, the reference's length, the callback an absolute http(s) URL.
     * The validity period runs from {@code send_at} when the message is scheduled.
     */
    public static Submission of(Priority priority, Optional<Instant> sendAt, Optional<Duration> validity,
                                Optional<String> clientReference, Optional<String> statusCallback, Instant now) {
        Duration period = validity.orElse(DEFAULT_VALIDITY);
        if (period.compareTo(MIN_VALIDITY) < 0 || period.compareTo(MAX_VALIDITY) > 0) {
            throw DomainException.invalidField("validity_period", "must be between " + MIN_VALIDITY + " and "
                    + MAX_VALIDITY);
        }
        if (sendAt.isPresent()) {
            if (sendAt.get().isBefore(now.minus(Duration.ofMinutes(1)))) {
                throw DomainException.invalidField("send_at", "must not be in the past");
            }
            if (sendAt.get().isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
                throw DomainException.invalidField("send_at", "at most " + MAX_SCHEDULE_AHEAD.toDays()
                        + " days ahead");
            }
        }
        if (clientReference.isPresent() && (clientReference.get().isEmpty()
                || clientReference.get().length() > MAX_REFERENCE_LENGTH)) {
            throw DomainException.invalidField("client_reference", "1 to " + MAX_REFERENCE_LENGTH + " characters");
        }
        Optional<URI> callback = statusCallback.map(Submission::callback);
        Instant start = sendAt.filter(at -> at.isAfter(now)).orElse(now);
        return new Submission(priority, sendAt.filter(at -> at.isAfter(now)), start.plus(period), clientReference,
                callback);
    }

    private static URI callback(String url) {
        try {
            URI uri = new URI(url);
            if (url.length() > MAX_CALLBACK_LENGTH || !uri.isAbsolute() || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw DomainException.invalidField("status_callback", "an absolute https URL of at most "
                        + MAX_CALLBACK_LENGTH + " characters");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw DomainException.invalidField("status_callback", "not a URL");
        }
    }

    /** When the message is first due: its {@code send_at}, else when it was accepted. */
    public Instant dueAt(Instant acceptedAt) {
        return sendAt.orElse(acceptedAt);
    }
}
