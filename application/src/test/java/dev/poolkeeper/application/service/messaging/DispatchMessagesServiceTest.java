package dev.poolkeeper.application.service.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemoryMessages;
import dev.poolkeeper.application.fakes.InMemorySelectionState;
import dev.poolkeeper.application.fakes.InMemorySyncParts;
import dev.poolkeeper.application.fakes.MovableClock;
import dev.poolkeeper.application.port.in.messaging.DispatchMessagesUseCase;
import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendOptions;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.number.RemoveNumbersCommand;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.service.ServiceFixture;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.selection.PoolIndexCache;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dispatcher's rules, with a clock the test moves: order, waiting for budget, and senders gone unusable. */
class DispatchMessagesServiceTest {
    private static final dev.poolkeeper.application.fakes.NoEventEndpoints NO_ENDPOINTS =
            new dev.poolkeeper.application.fakes.NoEventEndpoints();
    private static final PhoneNumber TO = PhoneNumber.parse("+12125550100");
    private final ServiceFixture f = new ServiceFixture();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:15:00Z"));
    private final InMemorySelectionState state = new InMemorySelectionState();
    private final InMemoryMessages messages = new InMemoryMessages();
    private final dev.poolkeeper.application.fakes.InMemoryEvents events =
            new dev.poolkeeper.application.fakes.InMemoryEvents();
    private final MessageStore store = dev.poolkeeper.application.fakes.InMemoryOutbox.messageStore(messages,
            events, f.tx);
    private final InMemorySyncParts parts = new InMemorySyncParts();
    private final SendBudgets budgets = new SendBudgets(Map.of(NumberType.LONG_CODE, 1.0), clock);
    private final SenderDecisions decisions = new SenderDecisions(f.store, new PoolIndexCache(f.store), state, state,
            budgets, clock);
    private final List<String> sent = new ArrayList<>();
    private final ProviderPorts ports = ProviderPorts.instanceOnly(List.of(new SmsPort() {
        public Provider provider() {
            return Provider.TELNYX;
        }

        public boolean configured() {
            return true;
        }

        public ProviderCapabilities capabilities() {
            return new ProviderCapabilities(1, 1, false, false, false, 1, ProviderCapabilities.Alphanumeric.NEVER, 9);
        }

        public SendResult send(OutboundSms sms) {
            sent.add(sms.text() + " from " + sms.from());
            return new SendResult.Accepted("t-" + sent.size());
        }
    }), List.of());
    private final AcceptMessageService accept = new AcceptMessageService(decisions, messages, store, parts, ports,
            new QueueBound(messages, budgets, 1000, Duration.ofSeconds(1), clock),
            new dev.poolkeeper.application.service.event.CallbackSigners(NO_ENDPOINTS), clock);
    private final DispatchPartition partition = DispatchPartition.alone(clock);
    private final DispatchMessagesService dispatch = new DispatchMessagesService(decisions, messages, store, parts, ports,
            budgets, new dev.poolkeeper.application.service.selection.SendPacing(budgets, clock, ms -> { }), partition, 3,
            clock);

    private NumberPool pool(boolean sticky, int numbers) {
        NumberPool pool = f.pool(f.alice, "p" + numbers + sticky);
        List<MemberRequest> members = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            members.add(new MemberRequest(Numbers.usNumber(i), Provider.TELNYX, NumberType.LONG_CODE,
                    Numbers.CAMPAIGN, false, 1));
        }
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), members));
        if (sticky) {
            f.stickySender(pool);
        }
        return pool;
    }

    private MessageId accept(NumberPool pool, PhoneNumber to, String text, Priority priority) {
        return accept.sendMessage(new SendMessageCommand(f.alice, pool.id(), to, text, Optional.empty(),
                new SendOptions(priority, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .message().orElseThrow().id();
    }

    private void pass() {
        DispatchMessagesUseCase.Pass pass = dispatch.claimDue();
        pass.claimed().forEach(dispatch::send);
    }

    private Message stored(MessageId id) {
        return messages.find(f.alice.accountId(), id).orElseThrow();
    }

    @Test
    void aHighPriorityMessageOvertakesBulkQueuedBeforeIt() {
        NumberPool pool = pool(false, 1);
        accept(pool, TO, "bulk-1", Priority.NORMAL);
        pass();
        accept(pool, TO, "bulk-2", Priority.NORMAL);
        accept(pool, TO, "bulk-3", Priority.NORMAL);
        accept(pool, TO, "code", Priority.HIGH);
        pass();
        assertEquals(1, sent.size(), "no second message within the second: " + sent);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMillis(1030));
            pass();
            assertEquals(i + 2, sent.size(), "one message a second: " + sent);
            pass();
            assertEquals(i + 2, sent.size(), "no faster: " + sent);
        }
        assertEquals(List.of("bulk-1", "code", "bulk-2", "bulk-3"),
                sent.stream().map(s -> s.split(" ")[0]).toList());
    }

    @Test
    void withTwoInstancesAliveEachSendsOnlyForItsOwnSendersUntilItIsAloneAgain() {
        NumberPool pool = pool(false, 6);
        List<MessageId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(accept(pool, PhoneNumber.parse("+1212555013" + i), "m" + i, Priority.NORMAL));
        }
        partition.alive(List.of("alone", "instance-b"), "alone"); // another instance has joined
        pass();
        List<Message> all = ids.stream().map(this::stored).toList();
        assertTrue(all.stream().allMatch(m -> m.status() == (partition.owns(m.sender().from())
                ? MessageStatus.SENT : MessageStatus.QUEUED)), "only its own senders' messages went: " + all);
        assertTrue(all.stream().anyMatch(m -> m.status() == MessageStatus.QUEUED), "the other instance's wait");

        partition.alive(List.of("alone"), "alone"); // the other one is gone: its senders are taken at once
        pass();
        assertTrue(ids.stream().map(this::stored).allMatch(m -> m.status() == MessageStatus.SENT));
    }

    @Test
    void aStickyRecipientsMessageWaitsForItsSenderWhileAnotherNumberIsIdle() {
        NumberPool pool = pool(true, 2);
        MessageId first = accept(pool, TO, "first", Priority.NORMAL);
        MessageId second = accept(pool, TO, "second", Priority.NORMAL);
        MessageId other = accept(pool, PhoneNumber.parse("+12125550111"), "other", Priority.NORMAL);
        String sticky = stored(first).sender().from();
        assertEquals(sticky, stored(second).sender().from(), "one sticky sender for the recipient");
        pass();
        assertEquals(MessageStatus.SENT, stored(first).status());
        assertEquals(MessageStatus.QUEUED, stored(second).status(), "its sender has no budget left this second");
        assertEquals(sticky, stored(second).sender().from(), "and it is not switched to the idle number");
        clock.advance(Duration.ofMillis(1030));
        pass();
        assertEquals(MessageStatus.SENT, stored(second).status());
        assertEquals(sticky, stored(second).attempts().get(0).from());
        assertEquals(MessageStatus.SENT, stored(other).status());
    }

    @Test
    void aSenderRemovedWhileItsMessageWaitedIsReplacedAndTheTraceSaysWhy() {
        NumberPool pool = pool(false, 2);
        MessageId id = accept(pool, TO, "hello", Priority.NORMAL);
        String chosen = stored(id).sender().from();
        f.removeNumbers.removeNumbers(new RemoveNumbersCommand(f.alice, pool.id(), List.of(chosen)));
        pass();
        pass();
        Message message = stored(id);
        assertEquals(MessageStatus.SENT, message.status(), message.trace().toString());
        assertTrue(!message.attempts().get(0).from().equals(chosen), "sent by the number left in the pool");
        assertTrue(message.trace().stream().anyMatch(t -> t.note().contains(chosen + " was removed from the pool")),
                message.trace().toString());
    }

    @Test
    void aMessagePastItsValidityExpiresInsteadOfBeingSent() {
        NumberPool pool = pool(false, 1);
        MessageId id = accept.sendMessage(new SendMessageCommand(f.alice, pool.id(), TO, "late", Optional.empty(),
                new SendOptions(Priority.NORMAL, Optional.empty(), Optional.of(Duration.ofMinutes(1)),
                        Optional.empty(), Optional.empty()))).message().orElseThrow().id();
        clock.advance(Duration.ofMinutes(2));
        pass();
        assertEquals(MessageStatus.EXPIRED, stored(id).status());
        assertEquals(List.of(), sent);
        assertEquals(List.of(dev.poolkeeper.domain.event.EventType.MESSAGE_QUEUED,
                dev.poolkeeper.domain.event.EventType.MESSAGE_EXPIRED), events.types());
    }
}
