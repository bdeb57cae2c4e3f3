package dev.poolkeeper.domain.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    private static final Sender VONAGE = new Sender("+14155550100", Provider.VONAGE, Optional.of(NumberType.LONG_CODE),
            Reason.WEIGHTED);
    private static final Sender TELNYX = new Sender("+14155550101", Provider.TELNYX, Optional.of(NumberType.LONG_CODE),
            Reason.WEIGHTED);

    private static Message queued() {
        Message m = waiting();
        m.startSending(NOW);
        return m;
    }

    private static Message waiting() {
        return Message.queue(new AccountId("acct_a"), new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB"),
                PhoneNumber.parse("+12125550100"), "hello", VONAGE, List.of(), Optional.empty(), NOW);
    }

    private static Message scheduled(java.time.Instant sendAt) {
        return Message.accept(new AccountId("acct_a"), new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB"),
                PhoneNumber.parse("+12125550100"), "hello", VONAGE, List.of(), Optional.empty(),
                Submission.of(Priority.HIGH, Optional.of(sendAt), Optional.of(java.time.Duration.ofMinutes(30)),
                        Optional.of("order-7"), Optional.empty(), NOW), NOW);
    }

    @Test
    void aScheduledMessageIsDueAtItsSendAtAndValidFromThen() {
        Message m = scheduled(NOW.plusSeconds(3600));
        assertEquals(MessageStatus.SCHEDULED, m.status());
        assertEquals(NOW.plusSeconds(3600), m.dueAt());
        assertEquals(NOW.plusSeconds(3600 + 1800), m.submission().expiresAt(), "validity runs from send_at");
        assertFalse(m.expire(NOW.plusSeconds(3600 + 1799)));
        assertTrue(m.expire(NOW.plusSeconds(3600 + 1800)));
        assertEquals(MessageStatus.EXPIRED, m.status());
        assertEquals(List.of(MessageStatus.SCHEDULED, MessageStatus.EXPIRED),
                m.transitions().stream().map(StatusChange::status).toList());
    }

    @Test
    void onlyAWaitingMessageCanBeCanceledOrExpire() {
        Message waiting = waiting();
        waiting.cancel(NOW);
        assertEquals(MessageStatus.CANCELED, waiting.status());
        Message sending = queued();
        DomainException refused = assertThrows(DomainException.class, () -> sending.cancel(NOW));
        assertEquals(ErrorCode.MESSAGE_NOT_CANCELABLE, refused.code());
        assertFalse(sending.expire(NOW.plus(java.time.Duration.ofDays(1))), "a provider may have it");
        assertEquals(MessageStatus.SENDING, sending.status());
    }

    @Test
    void anAttemptIsRecordedOnlyAfterTheMessageWasTakenForSendingAndARequeuedOneWaitsAgain() {
        Message m = waiting();
        assertThrows(IllegalStateException.class, () -> m.record(attempt(VONAGE, SendAttempt.Outcome.ACCEPTED),
                Optional.of("v")));
        m.startSending(NOW);
        m.record(attempt(VONAGE, SendAttempt.Outcome.NOT_SENT), Optional.empty());
        m.requeue(TELNYX, List.of(), NOW.plusSeconds(2), NOW);
        assertEquals(MessageStatus.QUEUED, m.status());
        assertEquals(NOW.plusSeconds(2), m.dueAt());
        assertEquals(TELNYX, m.sender());
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.QUEUED),
                m.transitions().stream().map(StatusChange::status).toList());
    }

    @Test
    void badSubmissionsAreRefusedNamingTheField() {
        assertEquals("validity_period", assertThrows(DomainException.class, () -> Submission.of(Priority.NORMAL,
                Optional.empty(), Optional.of(java.time.Duration.ofSeconds(5)), Optional.empty(), Optional.empty(), NOW))
                .violations().get(0).field());
        assertEquals("send_at", assertThrows(DomainException.class, () -> Submission.of(Priority.NORMAL,
                Optional.of(NOW.minusSeconds(3600)), Optional.empty(), Optional.empty(), Optional.empty(), NOW))
                .violations().get(0).field());
        assertEquals("status_callback", assertThrows(DomainException.class, () -> Submission.of(Priority.NORMAL,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("ftp://example.com/x"), NOW))
                .violations().get(0).field());
        assertEquals("client_reference", assertThrows(DomainException.class, () -> Submission.of(Priority.NORMAL,
                Optional.empty(), Optional.empty(), Optional.of("x".repeat(256)), Optional.empty(), NOW))
                .violations().get(0).field());
    }

    private static SendAttempt attempt(Sender s, SendAttempt.Outcome outcome) {
        return new SendAttempt(s.from(), s.provider(), outcome, outcome == SendAttempt.Outcome.ACCEPTED ? null
                : "provider.unavailable", "detail", NOW);
    }

    @Test
    void anEmptyOrOverlongTextIsRefusedNamingTheField() {
        DomainException empty = assertThrows(DomainException.class, () -> Message.checkText("  "));
        assertEquals(ErrorCode.REQUEST_INVALID, empty.code());
        assertEquals("text", empty.violations().get(0).field());
        assertThrows(DomainException.class, () -> Message.checkText("x".repeat(Message.MAX_TEXT_LENGTH + 1)));
        assertEquals("x".repeat(Message.MAX_TEXT_LENGTH), Message.checkText("x".repeat(Message.MAX_TEXT_LENGTH)));
    }

    @Test
    void onlyANotSentAttemptAllowsAnotherSender() {
        Message m = queued();
        m.record(attempt(VONAGE, SendAttempt.Outcome.NOT_SENT), Optional.empty());
        assertTrue(m.mayFailOver());
        m.switchSender(TELNYX, List.of());
        m.record(attempt(TELNYX, SendAttempt.Outcome.ACCEPTED), Optional.of("t-1"));
        assertEquals(MessageStatus.SENT, m.status());
        assertEquals(Optional.of("t-1"), m.providerMessageId());
        assertFalse(m.mayFailOver());
        assertThrows(IllegalStateException.class, () -> m.switchSender(VONAGE, List.of()));
        assertThrows(IllegalStateException.class, () -> m.record(attempt(VONAGE, SendAttempt.Outcome.ACCEPTED),
                Optional.of("again")));
    }

    @Test
    void aLostAnswerBlocksEverySecondSendUntilAReceiptSettlesIt() {
        Message m = queued();
        m.record(attempt(VONAGE, SendAttempt.Outcome.UNKNOWN), Optional.empty());
        assertEquals(MessageStatus.SENDING, m.status());
        assertTrue(m.needsReconciliation());
        assertFalse(m.mayFailOver());
        m.reconcile("v-9", NOW);
        assertEquals(MessageStatus.SENT, m.status());
        assertFalse(m.needsReconciliation());
    }

    @Test
    void aMessageAwaitsAReceiptOnlyWhileSendingOrUnknownAndIsNeverGivenUpMeanwhile() {
        Message lost = queued();
        lost.record(attempt(VONAGE, SendAttempt.Outcome.UNKNOWN), Optional.empty());
        Message interrupted = queued();
        assertTrue(interrupted.interrupted(NOW));
        for (Message m : List.of(lost, interrupted)) {
            assertEquals(MessageStatus.SENDING, m.status());
            Optional<String> error = m.errorCode();
            assertThrows(IllegalStateException.class, () -> m.giveUp(List.of(), NOW));
            assertThrows(IllegalStateException.class, () -> m.giveUp(List.of(), "selection.no_healthy_number",
                    "no other sender", NOW));
            assertEquals(MessageStatus.SENDING, m.status(), "refused, nothing changed");
            assertEquals(error, m.errorCode(), "the error is still the lost answer's");
            assertTrue(m.unanswered(NOW));
            assertEquals(MessageStatus.UNKNOWN, m.status());
            assertTrue(m.needsReconciliation(), "unknown still awaits a late receipt");
            assertThrows(IllegalStateException.class, () -> m.giveUp(List.of(), NOW));
        }
        assertTrue(lost.applyReceipt(DeliveryOutcome.DELIVERED, null, "delivered", NOW));
        assertFalse(lost.needsReconciliation(), "a receipt settles it");
        interrupted.reconcile("v-10", NOW);
        assertEquals(MessageStatus.SENT, interrupted.status());
        assertFalse(interrupted.needsReconciliation());
    }

    @Test
    void aRefusalRejectsTheMessage() {
        Message m = queued();
        m.record(attempt(VONAGE, SendAttempt.Outcome.REFUSED), Optional.empty());
        assertEquals(MessageStatus.REJECTED, m.status());
        assertFalse(m.mayFailOver());
    }

    @Test
    void aLateInFlightReceiptDoesNotUndoAFinalStatus() {
        Message m = queued();
        m.record(attempt(VONAGE, SendAttempt.Outcome.ACCEPTED), Optional.of("v-1"));
        assertTrue(m.applyReceipt(DeliveryOutcome.DELIVERED, null, "delivered", NOW));
        assertFalse(m.applyReceipt(DeliveryOutcome.IN_FLIGHT, null, "accepted", NOW));
        assertEquals(MessageStatus.DELIVERED, m.status());
        assertTrue(m.applyReceipt(DeliveryOutcome.UNDELIVERED, "40002", "failed", NOW),
                "a later final receipt wins");
        assertEquals(Optional.of("40002"), m.errorCode());
    }
}
