package dev.poolkeeper.application.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemoryMessages;
import dev.poolkeeper.application.fakes.InMemoryTransactionRunner;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoverInterruptedSendsServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");
    private static final Sender SENDER = new Sender("+14155550100", Provider.VONAGE,
            Optional.of(NumberType.LONG_CODE), Reason.WEIGHTED);
    private static final TransactionRunner TX = new InMemoryTransactionRunner();

    private final InMemoryMessages messages = new InMemoryMessages();

    private Message stored(Instant at) {
        Message m = Message.queue(new AccountId("acct_a"), new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB"),
                PhoneNumber.parse("+12125550100"), "hello", SENDER, List.of(), Optional.empty(), at);
        messages.insert(m);
        m.startSending(at);
        messages.update(m);
        return m;
    }

    private RecoverInterruptedSendsService at(Instant now) {
        return new RecoverInterruptedSendsService(messages,
                dev.poolkeeper.application.fakes.InMemoryOutbox.messageStore(messages,
                        new dev.poolkeeper.application.fakes.InMemoryEvents(), TX), Duration.ofMinutes(2),
                Duration.ofHours(1), TX,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSendingMessageUnchangedLongerThanASendCanTakeAwaitsAReceiptAndIsCounted() {
        Message interrupted = stored(T0);
        Message inFlight = stored(T0.plusSeconds(100));
        Message sent = stored(T0);
        sent.record(new SendAttempt(SENDER.from(), Provider.VONAGE, SendAttempt.Outcome.ACCEPTED, null, "ok", T0),
                Optional.of("vonage-1"));

        assertEquals(1, at(T0.plusSeconds(121)).recoverInterruptedSends());

        assertTrue(interrupted.needsReconciliation());
        assertEquals(MessageStatus.SENDING, interrupted.status());
        assertFalse(interrupted.mayFailOver(), "an interrupted send is never sent again");
        assertFalse(inFlight.needsReconciliation(), "a send still within its time is left to its instance");
        assertEquals(MessageStatus.SENT, sent.status());
        assertEquals(0, at(T0.plusSeconds(121)).recoverInterruptedSends(), "once only");
        assertEquals(1, at(T0.plusSeconds(300)).recoverInterruptedSends(), "the second one, when its time is up");
    }

    @Test
    void aLostAnswerNoReceiptSettledInTimeEndsUnknownAndALateReceiptStillSettlesIt() {
        Message lost = stored(T0);
        lost.record(new SendAttempt(SENDER.from(), Provider.VONAGE, SendAttempt.Outcome.UNKNOWN, "provider.no_answer",
                "timed out", T0), Optional.empty());
        messages.update(lost);
        assertEquals(0, at(T0.plusSeconds(3599)).recoverInterruptedSends(), "within the hour a receipt may come");
        assertEquals(MessageStatus.SENDING, lost.status());
        assertEquals(1, at(T0.plusSeconds(3601)).recoverInterruptedSends());
        assertEquals(MessageStatus.UNKNOWN, lost.status());
        assertEquals(MessageStatus.UNKNOWN, lost.transitions().get(lost.transitions().size() - 1).status());
        lost.reconcile("vonage-late", T0.plusSeconds(4000));
        assertEquals(MessageStatus.SENT, lost.status(), "a receipt that comes later still settles it");
    }

    @Test
    void aWaitingMessagePastItsValidityExpiresAndOneStillValidWaits() {
        Message old = Message.queue(new AccountId("acct_a"), new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB"),
                PhoneNumber.parse("+12125550100"), "hello", SENDER, List.of(), Optional.empty(), T0);
        Message young = Message.queue(new AccountId("acct_a"), new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB"),
                PhoneNumber.parse("+12125550101"), "hello", SENDER, List.of(), Optional.empty(), T0.plusSeconds(60));
        messages.insert(old);
        messages.insert(young);
        assertEquals(1, at(T0.plus(Duration.ofHours(4))).recoverInterruptedSends());
        assertEquals(MessageStatus.EXPIRED, old.status());
        assertEquals(java.util.Optional.of("message.expired"), old.errorCode());
        assertEquals(MessageStatus.QUEUED, young.status());
    }

    @Test
    void aLargeBacklogIsRecoveredInBatches() {
        for (int i = 0; i < 450; i++) {
            stored(T0);
        }
        assertEquals(450, at(T0.plusSeconds(600)).recoverInterruptedSends());
    }
}
