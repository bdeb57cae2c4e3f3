package dev.poolkeeper.application.service;

import dev.poolkeeper.application.port.in.pool.UpdatePoolCommand;
import dev.poolkeeper.application.service.health.HealthChanges;
import dev.poolkeeper.application.service.health.ReviveRestedNumbersService;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemoryMessages;
import dev.poolkeeper.application.fakes.InMemorySyncParts;
import dev.poolkeeper.domain.pool.CustomFrom;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import dev.poolkeeper.application.fakes.InMemorySelectionState;
import dev.poolkeeper.application.fakes.InMemorySyncRequests;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageResult;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.application.port.in.webhook.RecordDeliveryReceiptUseCase;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.in.messaging.DispatchMessagesUseCase;
import dev.poolkeeper.application.service.messaging.AcceptMessageService;
import dev.poolkeeper.application.service.messaging.DispatchMessagesService;
import dev.poolkeeper.application.service.messaging.QueueBound;
import dev.poolkeeper.application.service.selection.PoolIndexCache;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import dev.poolkeeper.application.service.webhook.HandleInboundMessageService;
import dev.poolkeeper.application.service.webhook.RecordDeliveryReceiptService;
import dev.poolkeeper.domain.message.DeliveryOutcome;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.number.HealthPolicy;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.application.service.provider.ProviderCatalog;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.application.fakes.InMemoryKeywordReplies;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import dev.poolkeeper.domain.shared.DomainException;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SendMessageServiceTest {
    private static final dev.poolkeeper.application.fakes.NoEventEndpoints NO_ENDPOINTS =
            new dev.poolkeeper.application.fakes.NoEventEndpoints();
    private static final PhoneNumber TO = PhoneNumber.parse("+12125550100");
    private final ServiceFixture f = new ServiceFixture();
    private final InMemorySelectionState state = new InMemorySelectionState();
    private final InMemoryMessages messages = new InMemoryMessages();
    private final dev.poolkeeper.application.fakes.InMemoryEvents events =
            new dev.poolkeeper.application.fakes.InMemoryEvents();
    private final dev.poolkeeper.application.service.messaging.MessageStore store =
            dev.poolkeeper.application.fakes.InMemoryOutbox.messageStore(messages, events, f.tx);
    private final SendBudgets budgets = new SendBudgets(Map.of(NumberType.LONG_CODE, 1000.0,
            NumberType.TOLL_FREE, 1000.0), f.clock);
    private final SenderDecisions decisions = new SenderDecisions(f.store, new PoolIndexCache(f.store), state, state,
            budgets, f.clock);
    private final Map<Provider, ScriptedPort> ports = new EnumMap<>(Provider.class);
    private final List<String> sends = new ArrayList<>();
    private final List<OutboundSms> outbound = new ArrayList<>();
    private final InMemorySyncParts parts = new InMemorySyncParts();

    /** A provider that answers from a script, and records every send in {@link #sends}. */
    private final class ScriptedPort implements SmsPort {
        private final Provider provider;
        private final Deque<Function<OutboundSms, SendResult>> answers = new ArrayDeque<>();
        private boolean configured = true;

        ScriptedPort(Provider provider) {
            this.provider = provider;
        }

        public Provider provider() {
            return provider;
        }

        public boolean configured() {
            return configured;
        }

        /**
         * Telnyx needs the pool's mirror for an alphanumeric sender and comes last; the others send it.
         * Pinpoint keeps opt-out lists of its own.
         */
        public ProviderCapabilities capabilities() {
            return new ProviderCapabilities(1, 1, false, false, provider == Provider.PINPOINT, 1,
                    provider == Provider.TELNYX
                    ? ProviderCapabilities.Alphanumeric.WITH_MIRRORED_POOL : ProviderCapabilities.Alphanumeric.ALWAYS,
                    provider.ordinal() == 0 ? 0 : provider == Provider.TELNYX ? 9 : 1);
        }

        public SendResult send(OutboundSms sms) {
            if (!configured) {
                return SendResult.NotSent.notConfigured(provider.wireName()); // as every SmsPort answers then
            }
            sends.add(provider.wireName() + " " + sms.from());
            outbound.add(sms);
            assertTrue(messages.writes.get(0).startsWith("insert"), "the message is stored before any send");
            Function<OutboundSms, SendResult> answer = answers.poll();
            return answer == null ? new SendResult.Accepted(provider + "-" + sends.size()) : answer.apply(sms);
        }
    }

    /** Accepting and dispatching as the service runs them: accept, then dispatch until the queue is still. */
    private final class SendMessageService {
        private final AcceptMessageService accept;
        private final DispatchMessagesService dispatch;

        SendMessageService(SenderDecisions decisions, SendBudgets budgets, int maxAttempts) {
            ProviderPorts providers = ProviderPorts.instanceOnly(List.copyOf(ports.values()), List.of());
            accept = new AcceptMessageService(decisions, messages, store, parts, providers,
                    new QueueBound(messages, budgets, 100_000, Duration.ofSeconds(1), f.clock),
                    new dev.poolkeeper.application.service.event.CallbackSigners(NO_ENDPOINTS), f.clock);
            dispatch = new DispatchMessagesService(decisions, messages, store, parts, providers, budgets,
                    pacing(budgets),
                    dev.poolkeeper.application.service.messaging.DispatchPartition.alone(f.clock), maxAttempts, f.clock);
        }

        SendMessageResult sendMessage(SendMessageCommand command) {
            SendMessageResult accepted = accept.sendMessage(command);
            if (accepted.message().isEmpty()) {
                return accepted;
            }
            for (int pass = 0; pass < 20; pass++) {
                DispatchMessagesUseCase.Pass claimed = dispatch.claimDue();
                if (claimed.claimed().isEmpty()) {
                    break;
                }
                claimed.claimed().forEach(dispatch::send);
            }
            return SendMessageResult.stored(messages.find(command.caller().accountId(),
                    accepted.message().get().id()).orElseThrow());
        }
    }

    private SendMessageService service(int maxAttempts) {
        for (Provider p : Arrays.stream(Provider.values()).filter(Provider::sends).toList()) {
            ports.computeIfAbsent(p, ScriptedPort::new);
        }
        return new SendMessageService(decisions, budgets, maxAttempts);
    }

    private NumberPool poolWith(Provider... providers) {
        NumberPool pool = f.pool(f.alice, "p" + providers.length + sends.size());
        List<MemberRequest> members = new ArrayList<>();
        for (int i = 0; i < providers.length; i++) {
            members.add(new MemberRequest(Numbers.usNumber(i), providers[i], NumberType.LONG_CODE, Numbers.CAMPAIGN,
                    false, 1));
        }
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), members));
        return pool;
    }

    /** Pacing on a clock of its own that its waits move, as time passes while a real dispatcher waits. */
    private static dev.poolkeeper.application.service.selection.SendPacing pacing(SendBudgets budgets) {
        dev.poolkeeper.application.fakes.MovableClock paced = new dev.poolkeeper.application.fakes.MovableClock(
                Instant.parse("2026-11-23T10:15:00Z"));
        return new dev.poolkeeper.application.service.selection.SendPacing(budgets, paced,
                ms -> paced.advance(Duration.ofMillis(ms)));
    }

    private Message send(SendMessageService service, NumberPool pool) {
        SendMessageResult result = service.sendMessage(new SendMessageCommand(f.alice, pool.id(), TO, "hello", Optional.empty()));
        return result.message().orElseThrow();
    }

    @Test
    void aMessageGoesOutOnceThroughTheChosenNumbersProvider() {
        NumberPool pool = poolWith(Provider.TELNYX);
        Message m = send(service(3), pool);
        assertEquals(List.of("telnyx +14152000000"), sends);
        assertEquals(MessageStatus.SENT, m.status());
        assertEquals(Optional.of("TELNYX-1"), m.providerMessageId());
        assertEquals(List.of("insert queued", "update sending", "update sent"), messages.writes);
        assertEquals(List.of(dev.poolkeeper.domain.event.EventType.MESSAGE_QUEUED,
                dev.poolkeeper.domain.event.EventType.MESSAGE_SENT), events.types(),
                "the application hears of the queued and the sent message, not of the dispatcher's step");
        assertEquals("sent", ((Map<?, ?>) events.appended.get(1).data().get("message")).get("status"));
        assertEquals(List.of(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT),
                m.transitions().stream().map(dev.poolkeeper.domain.message.StatusChange::status).toList());
    }

    @Test
    void anUnavailableProviderFailsOverToAnotherProvidersNumber() {
        NumberPool pool = poolWith(Provider.VONAGE, Provider.VONAGE, Provider.TELNYX);
        SendMessageService service = service(3);
        ports.get(Provider.VONAGE).answers.add(sms -> new SendResult.NotSent("provider.unavailable", "HTTP 503"));
        ports.get(Provider.TELNYX).answers.add(sms -> new SendResult.NotSent("provider.unavailable", "HTTP 503"));
        Message m = send(service, pool);
        assertEquals(3, sends.size(), sends.toString());
        assertNotEquals(sends.get(0).split(" ")[0], sends.get(1).split(" ")[0], "the second try is another provider");
        // both providers failed once; the third try is the untried number
        assertEquals(3, sends.stream().distinct().count(), "no number is tried twice");
        assertEquals(MessageStatus.SENT, m.status(), m.trace().toString());
        assertEquals(3, m.attempts().size());
        assertEquals(SendAttempt.Outcome.ACCEPTED, m.attempts().get(2).outcome());
        assertTrue(m.trace().stream().anyMatch(t -> t.step().equals("failover")));
    }

    @Test
    void aLostAnswerIsNeverSentAgain() {
        NumberPool pool = poolWith(Provider.VONAGE, Provider.TELNYX);
        SendMessageService service = service(3);
        ports.values().forEach(p -> p.answers.add(sms -> new SendResult.Unknown("provider.no_answer", "timed out")));
        Message m = send(service, pool);
        assertEquals(1, sends.size());
        assertEquals(MessageStatus.SENDING, m.status());
        assertTrue(m.needsReconciliation());
    }

    @Test
    void aRefusalIsFinalAndNotRetriedElsewhere() {
        NumberPool pool = poolWith(Provider.VONAGE, Provider.TELNYX);
        SendMessageService service = service(3);
        ports.values().forEach(p -> p.answers.add(sms -> new SendResult.Refused("provider.rejected", "bad")));
        Message m = send(service, pool);
        assertEquals(1, sends.size());
        assertEquals(MessageStatus.REJECTED, m.status());
    }

    @Test
    void whenEveryProviderIsDownTheMessageFailsAfterTheBoundedAttempts() {
        NumberPool pool = poolWith(Provider.VONAGE, Provider.VONAGE, Provider.VONAGE, Provider.VONAGE);
        SendMessageService service = service(3);
        for (int i = 0; i < 5; i++) {
            ports.get(Provider.VONAGE).answers.add(sms -> new SendResult.NotSent("provider.unavailable", "503"));
        }
        Message m = send(service, pool);
        assertEquals(3, sends.size());
        assertEquals(MessageStatus.FAILED, m.status());
        assertEquals(Optional.of("provider.unavailable"), m.errorCode());
    }

    @Test
    void aProviderWithoutCredentialsIsSkippedWithProviderNotConfigured() {
        NumberPool pool = poolWith(Provider.PINPOINT);
        SendMessageService service = service(3);
        ports.get(Provider.PINPOINT).configured = false;
        Message m = send(service, pool);
        assertEquals(List.of(), sends);
        assertEquals(MessageStatus.FAILED, m.status());
        assertEquals(Optional.of(ErrorCode.PROVIDER_NOT_CONFIGURED.code()), m.errorCode());
    }

    @Test
    void anOptedOutRecipientIsRefusedAndNothingIsStored() {
        NumberPool pool = poolWith(Provider.VONAGE);
        state.optOut(f.alice.accountId(), pool.optOutListKey(), TO, Instant.now(f.clock));
        SendMessageResult result = service(3).sendMessage(new SendMessageCommand(f.alice, pool.id(), TO, "hi", Optional.empty()));
        assertEquals(ErrorCode.SELECTION_OPTED_OUT, result.refusal().orElseThrow().code());
        assertEquals(List.of(), messages.writes);
        assertEquals(List.of(), sends);
    }

    @Test
    void aTelnyxPoolSendsItsAlphanumericSenderThroughItsMessagingProfileOnceMirrored() {
        NumberPool pool = poolWith(Provider.TELNYX);
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), new PoolPatch(null, null,
                Update.to(Fallback.CUSTOM_FROM), Update.to(new CustomFrom("Acme")), null, Update.to(true), null, null,
                null, null, null, null, null, null, null, null), OptionalLong.empty()));
        SendMessageService service = service(3);
        ports.get(Provider.VONAGE).configured = false;
        ports.get(Provider.PINPOINT).configured = false;
        ports.get(Provider.SANDBOX).configured = false;
        PhoneNumber london = PhoneNumber.parse("+447400123456");
        SendMessageCommand toLondon = new SendMessageCommand(f.alice, pool.id(), london, "hi", Optional.empty());

        Message unmirrored = service.sendMessage(toLondon).message().orElseThrow();
        assertEquals(MessageStatus.FAILED, unmirrored.status(), "no provider can send Acme yet: " + unmirrored);
        assertEquals(List.of(), sends, "nothing was handed to Telnyx without a profile");

        parts.save(SyncPart.pending(f.alice.accountId(), pool.id(), Provider.TELNYX).with(Optional.of("profile-1"),
                SyncState.IN_SYNC, Optional.of(Instant.now(f.clock)), Optional.empty(), 0));
        Message sent = service.sendMessage(toLondon).message().orElseThrow();
        assertEquals(MessageStatus.SENT, sent.status(), sent.toString());
        assertEquals(List.of("telnyx Acme"), sends);
        assertEquals(Optional.of("profile-1"), outbound.get(0).providerPool());
    }

    @Test
    void receiptsMoveTheStatusAndTurnANumberUnhealthyAndBackWithHysteresis() {
        NumberPool pool = poolWith(Provider.VONAGE);
        SendMessageService service = service(1);
        RecordDeliveryReceiptService receipts = new RecordDeliveryReceiptService(messages, store, messages, f.store,
                new HealthChanges(f.store, f.store), new HealthPolicy(10, 4, 0.25, 0.5), f.store, f.tx, f.clock);
        PhoneNumber number = PhoneNumber.parse("+14152000000");
        for (int i = 0; i < 4; i++) {
            Message m = send(service, pool);
            assertEquals(RecordDeliveryReceiptUseCase.Result.APPLIED, receipts.recordDeliveryReceipt(receipt(m,
                    DeliveryOutcome.UNDELIVERED)));
            assertEquals(MessageStatus.UNDELIVERED, messages.find(f.alice.accountId(), m.id()).orElseThrow().status());
        }
        assertEquals(NumberHealth.UNHEALTHY, f.store.find(pool.id(), number).orElseThrow().health());
        Message again = send(service, pool);
        assertEquals(RecordDeliveryReceiptUseCase.Result.APPLIED,
                receipts.recordDeliveryReceipt(receipt(again, DeliveryOutcome.DELIVERED)));
        assertEquals(RecordDeliveryReceiptUseCase.Result.DUPLICATE,
                receipts.recordDeliveryReceipt(receipt(again, DeliveryOutcome.DELIVERED)));
        assertEquals(NumberHealth.UNHEALTHY, f.store.find(pool.id(), number).orElseThrow().health(),
                "1 of 5 delivered is below the 50% needed to recover");
        for (int i = 0; i < 5; i++) {
            receipts.recordDeliveryReceipt(receipt(send(service, pool), DeliveryOutcome.DELIVERED));
        }
        assertEquals(NumberHealth.HEALTHY, f.store.find(pool.id(), number).orElseThrow().health(), "6 of 10");
        java.time.LocalDate today = java.time.LocalDate.ofInstant(Instant.now(f.clock), ZoneOffset.UTC);
        assertEquals(List.of(new dev.poolkeeper.domain.message.DeliveryDay(today, 6, 4)),
                f.store.days(pool.id(), today, today), "the pool's day counts each final receipt once");
        assertEquals(2, f.store.list(pool.id(), PageRequest.first(200)).items()
                .stream().filter(e -> e.type() == PoolEventType.NUMBER_HEALTH_CHANGED).count());
    }

    @Test
    void anUnhealthyNumberSkippedForItsRestComesBackWithUnknownHealthAndAFreshWindow() {
        NumberPool pool = poolWith(Provider.VONAGE);
        f.updatePool.updatePool(new UpdatePoolCommand(f.alice, pool.id(), new PoolPatch(null, null, null, null, null,
                null, null, null, null, null, Update.to(true), null, null, null, null, null), OptionalLong.empty()));
        SendMessageService service = service(1);
        RecordDeliveryReceiptService receipts = new RecordDeliveryReceiptService(messages, store, messages, f.store,
                new HealthChanges(f.store, f.store), new HealthPolicy(10, 4, 0.25, 0.5), f.store, f.tx, f.clock);
        for (int i = 0; i < 4; i++) {
            receipts.recordDeliveryReceipt(receipt(send(service, pool), DeliveryOutcome.UNDELIVERED));
        }
        PhoneNumber number = PhoneNumber.parse("+14152000000");
        assertEquals(NumberHealth.UNHEALTHY, f.store.find(pool.id(), number).orElseThrow().health());
        SendMessageCommand hello = new SendMessageCommand(f.alice, pool.id(), TO, "hello", Optional.empty());
        assertEquals(ErrorCode.SELECTION_NO_HEALTHY_NUMBER,
                service.sendMessage(hello).refusal().orElseThrow().code(), "skipped while it rests");

        Duration rest = Duration.ofHours(24);
        Instant unhealthySince = Instant.now(f.clock);
        assertEquals(0, revive(rest, unhealthySince.plus(rest).minusSeconds(1)), "still resting");
        assertEquals(NumberHealth.UNHEALTHY, f.store.find(pool.id(), number).orElseThrow().health());
        assertEquals(1, revive(rest, unhealthySince.plus(rest)));
        assertEquals(NumberHealth.UNKNOWN, f.store.find(pool.id(), number).orElseThrow().health());
        assertEquals(0, revive(rest, unhealthySince.plus(rest).plusSeconds(60)), "revived once");
        PoolEvent event = f.store.list(pool.id(), PageRequest.first(200)).items().stream()
                .filter(e -> e.type() == PoolEventType.NUMBER_HEALTH_CHANGED).reduce((a, b) -> b).orElseThrow();
        assertEquals(Map.of("number", number.e164(), "health", "unknown", "reason", "rested", "rested_for", "PT24H"),
                event.after());

        assertTrue(service.sendMessage(hello).message().isPresent(), "picked again");
        receipts.recordDeliveryReceipt(receipt(send(service, pool), DeliveryOutcome.UNDELIVERED));
        assertEquals(NumberHealth.UNKNOWN, f.store.find(pool.id(), number).orElseThrow().health(),
                "judged afresh: one failure is not the four receipts the policy needs");
    }

    private int revive(Duration rest, Instant at) {
        return new ReviveRestedNumbersService(f.store, new HealthChanges(f.store, f.store), rest, f.tx,
                Clock.fixed(at, ZoneOffset.UTC)).reviveRestedNumbers();
    }

    @Test
    void aReceiptForALostAnswerReconcilesTheMessage() {
        NumberPool pool = poolWith(Provider.TELNYX);
        SendMessageService service = service(3);
        ports.get(Provider.TELNYX).answers.add(sms -> new SendResult.Unknown("provider.no_answer", "timed out"));
        Message m = send(service, pool);
        RecordDeliveryReceiptService receipts = new RecordDeliveryReceiptService(messages, store, messages, f.store,
                new HealthChanges(f.store, f.store), HealthPolicy.defaults(), f.store, f.tx, f.clock);
        receipts.recordDeliveryReceipt(new DeliveryReceipt(Provider.TELNYX, "late-id", DeliveryOutcome.DELIVERED,
                "delivered", Optional.empty(), Optional.of("+14152000000"), Optional.of(TO.e164()),
                Instant.now(f.clock)));
        Message now = messages.find(f.alice.accountId(), m.id()).orElseThrow();
        assertEquals(MessageStatus.DELIVERED, now.status());
        assertEquals(Optional.of("late-id"), now.providerMessageId());
    }

    private HandleInboundMessageService inbound(InMemorySyncRequests syncRequests, InMemoryKeywordReplies replies) {
        return new HandleInboundMessageService(f.store, f.store, state, state, events, messages,
                new OptOutListMirror(f.store, f.store, syncRequests, new ProviderCatalog(Arrays.stream(Provider.values())
                        .filter(Provider::sends).map(ScriptedPort::new).toList())), replies, store, f.tx, f.clock);
    }

    /** The reply the last inbound event says was queued, if any. */
    private Optional<Message> autoReply() {
        Map<?, ?> inbound = (Map<?, ?>) events.appended.stream()
                .filter(e -> e.type() == dev.poolkeeper.domain.event.EventType.MESSAGE_INBOUND)
                .reduce((a, b) -> b).orElseThrow().data().get("message");
        return Optional.ofNullable((String) inbound.get("auto_reply_message_id"))
                .flatMap(id -> messages.find(f.alice.accountId(), new dev.poolkeeper.domain.message.MessageId(id)));
    }

    @Test
    void keywordsAreAnsweredFromTheReceivingNumberOnceAndNeverToAnOptedOutSenderUnlessHelpOrStop() {
        NumberPool pool = poolWith(Provider.VONAGE);
        InMemoryKeywordReplies replies = new InMemoryKeywordReplies();
        replies.replace(f.alice.accountId(), pool.id(), KeywordReplies.of(List.of(
                new KeywordReplies.Reply("HELP", "Acme: help at acme.example", Optional.empty()),
                new KeywordReplies.Reply("STOP", "Acme: no more messages", Optional.empty()),
                new KeywordReplies.Reply("HOURS", "Open 9-5", Optional.empty()))), Instant.now(f.clock));
        HandleInboundMessageService inbound = inbound(new InMemorySyncRequests(), replies);
        PhoneNumber ours = PhoneNumber.parse("+14152000000");

        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "info", Optional.of("in-1")));
        Message help = autoReply().orElseThrow();
        assertEquals(List.of(TO, "Acme: help at acme.example", ours.e164(), Provider.VONAGE, Reason.KEYWORD_REPLY,
                MessageStatus.QUEUED), List.of(help.to(), help.text(), help.sender().from(), help.sender().provider(),
                help.sender().reason(), help.status()));
        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "info", Optional.of("in-1")));
        assertEquals(1, events.types().stream().filter(t -> t == dev.poolkeeper.domain.event.EventType.MESSAGE_INBOUND)
                .count(), "a provider's retry answers nothing more");

        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "hours", Optional.of("in-2")));
        assertEquals("Open 9-5", autoReply().orElseThrow().text());
        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "STOP", Optional.of("in-3")));
        assertEquals("Acme: no more messages", autoReply().orElseThrow().text(), "an opt-out is confirmed");
        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "hours", Optional.of("in-4")));
        assertEquals(Optional.empty(), autoReply(), "an opted-out sender gets no pool keyword reply");
        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "help", Optional.of("in-5")));
        assertEquals("Acme: help at acme.example", autoReply().orElseThrow().text(), "HELP is always answered");
        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "thanks", Optional.of("in-6")));
        assertEquals(Optional.empty(), autoReply(), "no entry, no reply");
    }

    @Test
    void stopOptsTheSenderOutOfTheReceivingPoolAndStartOptsBackIn() {
        NumberPool pool = poolWith(Provider.VONAGE);
        InMemorySyncRequests syncRequests = new InMemorySyncRequests();
        HandleInboundMessageService inbound = inbound(syncRequests, new InMemoryKeywordReplies());
        PhoneNumber ours = PhoneNumber.parse("+14152000000");
        assertEquals(1, inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, " Stop ",
                Optional.of("in-1"))).poolsChanged());
        assertTrue(state.isOptedOut(f.alice.accountId(), pool.optOutListKey(), TO));
        assertEquals(List.of(dev.poolkeeper.domain.event.EventType.MESSAGE_INBOUND,
                dev.poolkeeper.domain.event.EventType.OPT_OUT_ADDED), events.types());
        assertEquals(" Stop ", ((Map<?, ?>) events.appended.get(0).data().get("message")).get("text"));
        assertTrue(service(3).sendMessage(new SendMessageCommand(f.alice, pool.id(), TO, "hi", Optional.empty())).refusal()
                .isPresent());
        inbound.handleInboundMessage(new InboundMessage(Provider.VONAGE, TO, ours, "start", Optional.of("in-2")));
        assertTrue(!state.isOptedOut(f.alice.accountId(), pool.optOutListKey(), TO));
        assertEquals(List.of(), syncRequests.requested, "Vonage does not mirror opt-out lists: no sync");

        NumberPool aws = f.pool(f.alice, "aws");
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, aws.id(), List.of(new MemberRequest(
                Numbers.usNumber(50), Provider.PINPOINT, NumberType.LONG_CODE, Numbers.CAMPAIGN, false, 1))));
        PhoneNumber awsNumber = PhoneNumber.parse(Numbers.usNumber(50));
        inbound.handleInboundMessage(new InboundMessage(Provider.PINPOINT, TO, awsNumber, "STOP", Optional.of("in-3")));
        assertEquals(List.of(aws.id()), syncRequests.requested, "the Pinpoint pool's list is synced");
    }

    private DeliveryReceipt receipt(Message m, DeliveryOutcome outcome) {
        return new DeliveryReceipt(m.sender().provider(), m.providerMessageId().orElseThrow(), outcome,
                outcome.name().toLowerCase(), Optional.empty(), Optional.empty(), Optional.empty(),
                Instant.now(f.clock));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyFindsTheStoredMessageAndSendsNothing() {
        NumberPool pool = poolWith(Provider.TELNYX);
        SendMessageCommand first = new SendMessageCommand(f.alice, pool.id(), TO, "hello", Optional.of("key-1"));
        Message sent = service(3).sendMessage(first).message().orElseThrow();
        Message again = service(3).sendMessage(first).message().orElseThrow();
        assertEquals(sent.id(), again.id());
        assertEquals(1, sends.size(), "one send for one key: " + sends);
        assertEquals(Optional.of("key-1"), again.idempotencyKey());
    }

    @Test
    void aKeyUsedForAnotherMessageIsRefusedAndNothingIsSent() {
        NumberPool pool = poolWith(Provider.TELNYX);
        service(3).sendMessage(new SendMessageCommand(f.alice, pool.id(), TO, "hello", Optional.of("key-2")));
        DomainException reused = org.junit.jupiter.api.Assertions.assertThrows(DomainException.class,
                () -> service(3).sendMessage(new SendMessageCommand(f.alice, pool.id(), TO, "other text",
                        Optional.of("key-2"))));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, reused.code());
        assertEquals(1, sends.size());
    }

    @Test
    void aProviderPortThatThrowsMayHaveSentSoTheMessageAwaitsAReceiptAndIsNotSentAgain() {
        NumberPool pool = poolWith(Provider.TELNYX, Provider.VONAGE);
        SendMessageService service = service(3);
        ports.values().forEach(p -> p.answers.add(sms -> {
            throw new ClassCastException("an answer in an unexpected shape");
        }));
        Message m = send(service, pool);
        assertEquals(1, sends.size(), "no failover after an answer that may mean accepted: " + sends);
        assertEquals(MessageStatus.SENDING, m.status());
        assertTrue(m.needsReconciliation());
        assertEquals(Optional.of("provider.no_answer"), m.errorCode());
    }

    @Test
    void aSendThatNeverReachedItsProviderSpendsNothingOfTheNumbersBudgetOneThatDidSpendsIt() {
        SendBudgets budgets = new SendBudgets(Map.of(NumberType.LONG_CODE, 1.0), f.clock);
        SenderDecisions oneASecond = new SenderDecisions(f.store, new PoolIndexCache(f.store), state, state, budgets,
                f.clock);
        NumberPool pool = poolWith(Provider.TELNYX, Provider.VONAGE);
        for (Provider p : Arrays.stream(Provider.values()).filter(Provider::sends).toList()) {
            ports.computeIfAbsent(p, ScriptedPort::new);
        }
        SendMessageService service = new SendMessageService(oneASecond, budgets, 3);
        ports.get(Provider.TELNYX).answers.add(sms -> SendResult.NotSent.neverLeft("provider.unavailable",
                "could not connect"));
        Message m = send(service, pool);
        assertEquals("telnyx", m.attempts().get(0).provider().wireName(), m.trace().toString());
        assertEquals(MessageStatus.SENT, m.status(), m.trace().toString());
        String neverLeft = m.attempts().get(0).from();
        String accepted = m.attempts().get(1).from();
        assertTrue(budgets.hasCapacity(candidate(pool, neverLeft)), "the number whose send never left keeps its token");
        assertFalse(budgets.hasCapacity(candidate(pool, accepted)), "the number that sent spent its token");
    }

    private dev.poolkeeper.domain.selection.Candidate candidate(NumberPool pool, String number) {
        return dev.poolkeeper.domain.selection.Candidate.of(f.store.find(pool.id(), PhoneNumber.parse(number))
                .orElseThrow());
    }
}
