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
        return Message.queue(new AccountId("acct_a"), new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB"),
                PhoneNumber.parse("+12125550100"), "hello", VONAGE, List.of(), Optional.empty(), NOW);
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
        assertEquals(MessageStatus.QUEUED, m.status());
        assertTrue(m.needsReconciliation());
        assertFalse(m.mayFailOver());
        m.reconcile("v-9", NOW);
        assertEquals(MessageStatus.SENT, m.status());
        assertFalse(m.needsReconciliation());
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
