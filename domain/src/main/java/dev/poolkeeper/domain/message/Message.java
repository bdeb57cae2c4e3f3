package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbound SMS: stored before any provider is called, then moved along by send attempts and
 * delivery receipts. The rules that keep a message from being sent twice live here: after an
 * attempt that was {@link SendAttempt.Outcome#ACCEPTED accepted} or whose answer was
 * {@link SendAttempt.Outcome#UNKNOWN lost}, {@link #mayFailOver()} is false.
 */
public final class Message {
    /** Ten concatenated segments of GSM-7; longer texts are refused rather than silently cut. */
    public static final int MAX_TEXT_LENGTH = 1600;

    private final MessageId id;
    private final AccountId accountId;
    private final PoolId poolId;
    private final PhoneNumber to;
    private final String text;
    private final Instant createdAt;
    private final String idempotencyKey;
    private final List<TraceStep> trace;
    private final List<SendAttempt> attempts;
    private final Submission submission;
    private final List<StatusChange> transitions;
    private Instant dueAt;
    /** How many of {@link #transitions} were already reported (stored before this object was loaded). */
    private int reported;
    private Sender sender;
    private MessageStatus status;
    private String providerMessageId;
    private String errorCode;
    private String errorMessage;
    private boolean needsReconciliation;
    private Instant updatedAt;

    private Message(MessageId id, AccountId accountId, PoolId poolId, PhoneNumber to, String text, Sender sender,
                    MessageStatus status, String providerMessageId, String errorCode, String errorMessage,
                    boolean needsReconciliation, List<TraceStep> trace, List<SendAttempt> attempts,
                    Instant createdAt, Instant updatedAt, String idempotencyKey, Submission submission,
                    List<StatusChange> transitions, Instant dueAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.poolId = Objects.requireNonNull(poolId, "poolId");
        this.to = Objects.requireNonNull(to, "to");
        this.text = Objects.requireNonNull(text, "text");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.status = Objects.requireNonNull(status, "status");
        this.providerMessageId = providerMessageId;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.needsReconciliation = needsReconciliation;
        this.trace = new ArrayList<>(trace);
        this.attempts = new ArrayList<>(attempts);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.idempotencyKey = idempotencyKey;
        this.submission = Objects.requireNonNull(submission, "submission");
        this.transitions = new ArrayList<>(transitions);
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
    }

    /**
     * The status changes since the message was created or loaded that were not reported yet, oldest first.
     * Reading them changes nothing, so a unit of work that is rolled back and run again reports them again;
     * what stores the message's events marks them reported once its unit of work has committed.
     */
    public List<StatusChange> unreportedChanges() {
        return List.copyOf(transitions.subList(reported, transitions.size()));
    }

    /** The changes so far are reported (their events are stored). */
    public void changesReported() {
        reported = transitions.size();
    }

    /** Checks the text a client gave: not blank, at most {@link #MAX_TEXT_LENGTH} characters. */
    public static String checkText(String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalidField("text", "must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw DomainException.invalidField("text", "at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    /**
     * A new message, accepted with its first sender chosen: {@code scheduled} when its {@code send_at} is
     * ahead, else {@code queued}. The client's {@code Idempotency-Key}, when it sent one, is bound to the
     * message for good: a retry with the key finds this message instead of sending another.
     */
    public static Message accept(AccountId accountId, PoolId poolId, PhoneNumber to, String text, Sender sender,
                                 List<TraceStep> selectionTrace, Optional<String> idempotencyKey,
                                 Submission submission, Instant now) {
        MessageStatus first = submission.sendAt().filter(at -> at.isAfter(now)).isPresent()
                ? MessageStatus.SCHEDULED : MessageStatus.QUEUED;
        return new Message(MessageId.newId(now), accountId, poolId, to, checkText(text), sender, first,
                null, null, null, false, selectionTrace, List.of(), now, now, idempotencyKey.orElse(null),
                submission, List.of(new StatusChange(first, now)), submission.dueAt(now));
    }

    /** A new message sent now, with the standard submission (tests and tools). */
    public static Message queue(AccountId accountId, PoolId poolId, PhoneNumber to, String text, Sender sender,
                                List<TraceStep> selectionTrace, Optional<String> idempotencyKey, Instant now) {
        return accept(accountId, poolId, to, text, sender, selectionTrace, idempotencyKey, Submission.standard(now),
                now);
    }

    public static Message reconstitute(MessageId id, AccountId accountId, PoolId poolId, PhoneNumber to, String text,
                                       Sender sender, MessageStatus status, String providerMessageId,
                                       String errorCode, String errorMessage, boolean needsReconciliation,
                                       List<TraceStep> trace, List<SendAttempt> attempts, Instant createdAt,
                                       Instant updatedAt, Optional<String> idempotencyKey, Submission submission,
                                       List<StatusChange> transitions, Instant dueAt) {
        Message message = new Message(id, accountId, poolId, to, text, sender, status, providerMessageId, errorCode,
                errorMessage, needsReconciliation, trace, attempts, createdAt, updatedAt, idempotencyKey.orElse(null),
                submission, transitions, dueAt);
        message.reported = transitions.size();
        return message;
    }

    /**
     * Whether a retry with this message's idempotency key asks for this same message (same pool, recipient
     * and text); a key reused for another message is the client's mistake, not a retry.
     */
    public boolean isRetryOf(PoolId otherPool, PhoneNumber otherTo, String otherText) {
        return poolId.equals(otherPool) && to.equals(otherTo) && text.equals(otherText);
    }

    /**
     * The service stopped while this message was being sent (after it was handed to a dispatcher, before
     * the provider's answer was recorded): a provider may have it. It is not sent again; a receipt
     * reconciles it. Returns whether anything changed (only a message {@code sending} and not already
     * awaiting a receipt).
     */
    public boolean interrupted(Instant now) {
        if (status != MessageStatus.SENDING || needsReconciliation) {
            return false;
        }
        needsReconciliation = true;
        trace.add(new TraceStep("recover", 0, "the send was interrupted (the service stopped) before the provider's"
                + " answer was recorded; not sent again, awaiting a receipt"));
        errorCode = ErrorCode.PROVIDER_NO_ANSWER.code();
        errorMessage = "the send was interrupted before the provider's answer was recorded";
        updatedAt = now;
        return true;
    }

    /**
     * No receipt settled a lost answer in time: the message ends {@code unknown}. It still awaits
     * reconciliation, so a receipt that comes later settles it. Returns whether anything changed.
     */
    public boolean unanswered(Instant now) {
        if (status != MessageStatus.SENDING || !needsReconciliation) {
            return false;
        }
        trace.add(new TraceStep("reconcile", 0, "no receipt named this message in time; its fate is unknown"));
        moveTo(MessageStatus.UNKNOWN, now);
        return true;
    }

    public static DomainException notFound(String id) {
        return new DomainException(ErrorCode.MESSAGE_NOT_FOUND, "message " + id + " not found");
    }

    /** A dispatcher takes the message to send it now: from here on a provider may have it. */
    public void startSending(Instant now) {
        if (!status.isWaiting() || !mayFailOver()) {
            throw new IllegalStateException("message " + id.value() + " is not waiting to be sent (" + status + ")");
        }
        moveTo(MessageStatus.SENDING, now);
    }

    /**
     * The next attempt goes out from another sender (failover, or the sender became unusable); the
     * selection's trace is appended.
     */
    public void switchSender(Sender next, List<TraceStep> selectionTrace) {
        if (!mayFailOver()) {
            throw new IllegalStateException("message " + id.value() + " may not be sent again");
        }
        this.sender = Objects.requireNonNull(next, "next");
        trace.addAll(selectionTrace);
    }

    /**
     * After an attempt that surely sent nothing, the message waits again, for {@code sender} (the same or
     * another), not before {@code due}.
     */
    public void requeue(Sender next, List<TraceStep> selectionTrace, Instant due, Instant now) {
        switchSender(next, selectionTrace);
        dueAt = Objects.requireNonNull(due, "due");
        moveTo(MessageStatus.QUEUED, now);
    }

    /** Records one attempt through the current sender, made after {@link #startSending}. */
    public void record(SendAttempt attempt, Optional<String> acceptedAs) {
        if (status != MessageStatus.SENDING || !mayFailOver()) {
            throw new IllegalStateException("message " + id.value() + " is not being sent (" + status + ")");
        }
        attempts.add(attempt);
        trace.add(new TraceStep("send", 1, attempt.provider().wireName() + " from " + attempt.from() + ": "
                + attempt.outcome().wireName() + (attempt.code() == null ? "" : " (" + attempt.code() + ")")
                + (attempt.detail() == null ? "" : ": " + attempt.detail())));
        updatedAt = attempt.at();
        switch (attempt.outcome()) {
            case ACCEPTED -> {
                providerMessageId = acceptedAs.orElse(null);
                errorCode = null;
                errorMessage = null;
                moveTo(MessageStatus.SENT, attempt.at());
            }
            case REFUSED -> fail(MessageStatus.REJECTED, attempt);
            case UNKNOWN -> {
                needsReconciliation = true;
                errorCode = attempt.code();
                errorMessage = attempt.detail();
            }
            case NOT_SENT -> {
                errorCode = attempt.code();
                errorMessage = attempt.detail();
            }
        }
    }

    /**
     * No sender could take the message: it ends {@code failed} with the last attempt's error. Never a message
     * awaiting a receipt: a provider may have it (only a receipt, or {@link #unanswered}, settles it). So a
     * message awaits reconciliation only while {@code sending} or {@code unknown}, which the count of those
     * messages relies on.
     */
    public void giveUp(List<TraceStep> lastSelectionTrace, Instant now) {
        refuseIfAwaitingReceipt();
        trace.addAll(lastSelectionTrace);
        moveTo(MessageStatus.FAILED, now);
    }

    /** No sender can take the message, for the reason given: it ends {@code failed}. */
    public void giveUp(List<TraceStep> lastSelectionTrace, String code, String detail, Instant now) {
        refuseIfAwaitingReceipt();
        errorCode = Objects.requireNonNull(code, "code");
        errorMessage = detail;
        giveUp(lastSelectionTrace, now);
    }

    private void refuseIfAwaitingReceipt() {
        if (needsReconciliation) {
            throw new IllegalStateException("message " + id.value() + " awaits a receipt; it cannot be given up");
        }
    }

    /**
     * Its validity period ran out while it waited: it ends {@code expired}. Returns whether anything changed
     * (only a waiting message expires).
     */
    public boolean expire(Instant now) {
        if (!status.isWaiting() || now.isBefore(submission.expiresAt())) {
            return false;
        }
        errorCode = ErrorCode.MESSAGE_EXPIRED.code();
        errorMessage = "not sent within its validity period (until " + submission.expiresAt() + ")";
        trace.add(new TraceStep("expire", 0, errorMessage));
        moveTo(MessageStatus.EXPIRED, now);
        return true;
    }

    /** The client cancels a message still waiting; anything further along is {@code message.not_cancelable}. */
    public void cancel(Instant now) {
        if (!status.isWaiting()) {
            throw new DomainException(ErrorCode.MESSAGE_NOT_CANCELABLE, "message " + id.value() + " is "
                    + status.wireName() + "; only a queued or scheduled message can be canceled");
        }
        trace.add(new TraceStep("cancel", 0, "canceled by the client"));
        moveTo(MessageStatus.CANCELED, now);
    }

    private void fail(MessageStatus finalStatus, SendAttempt attempt) {
        errorCode = attempt.code();
        errorMessage = attempt.detail();
        moveTo(finalStatus, attempt.at());
    }

    private void moveTo(MessageStatus next, Instant at) {
        status = next;
        updatedAt = at;
        transitions.add(new StatusChange(next, at));
    }

    /** True while nothing may have reached a provider, so another sender may be tried. */
    public boolean mayFailOver() {
        return (status.isWaiting() || status == MessageStatus.SENDING) && !needsReconciliation
                && attempts.stream().noneMatch(a -> a.outcome() != SendAttempt.Outcome.NOT_SENT);
    }

    /**
     * A delivery receipt arrived. A final status is not overwritten by an in-flight one (receipts can
     * arrive out of order); returns whether the status changed.
     */
    public boolean applyReceipt(DeliveryOutcome outcome, String code, String detail, Instant at) {
        MessageStatus next = outcome.status();
        if (next == status || (status.isFinal() && !next.isFinal())) {
            return false;
        }
        needsReconciliation = false;
        if (outcome == DeliveryOutcome.DELIVERED || outcome == DeliveryOutcome.IN_FLIGHT) {
            errorCode = null;
            errorMessage = null;
        } else {
            errorCode = code;
            errorMessage = detail;
        }
        moveTo(next, at);
        return true;
    }

    /** A receipt told which provider message this is, after the send's answer was lost. */
    public void reconcile(String providerId, Instant at) {
        this.providerMessageId = Objects.requireNonNull(providerId, "providerId");
        this.needsReconciliation = false;
        trace.add(new TraceStep("reconcile", 1, "the provider's receipt names this message " + providerId));
        updatedAt = at;
        if (status == MessageStatus.SENDING || status == MessageStatus.UNKNOWN) {
            moveTo(MessageStatus.SENT, at);
        }
    }

    public MessageId id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public PoolId poolId() {
        return poolId;
    }

    public PhoneNumber to() {
        return to;
    }

    public String text() {
        return text;
    }

    public Sender sender() {
        return sender;
    }

    public MessageStatus status() {
        return status;
    }

    public Optional<String> providerMessageId() {
        return Optional.ofNullable(providerMessageId);
    }

    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    public boolean needsReconciliation() {
        return needsReconciliation;
    }

    public List<TraceStep> trace() {
        return List.copyOf(trace);
    }

    public List<SendAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Submission submission() {
        return submission;
    }

    /** Every status the message entered, in order, each with its time. */
    public List<StatusChange> transitions() {
        return List.copyOf(transitions);
    }

    /** When the message may be sent next, while it waits. */
    public Instant dueAt() {
        return dueAt;
    }
}
