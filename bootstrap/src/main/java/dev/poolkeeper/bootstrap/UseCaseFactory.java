package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.account.AuthenticateUseCase;
import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import dev.poolkeeper.application.port.in.account.OperationsUseCase;
import dev.poolkeeper.application.port.in.account.CreateAccountUseCase;
import dev.poolkeeper.application.port.in.account.CreateApiKeyUseCase;
import dev.poolkeeper.application.port.in.account.EnsureDevelopmentAccountUseCase;
import dev.poolkeeper.application.port.in.account.ListApiKeysUseCase;
import dev.poolkeeper.application.port.in.account.RevokeApiKeyUseCase;
import dev.poolkeeper.application.port.in.canary.CanaryInboxesUseCase;
import dev.poolkeeper.application.port.in.canary.PollProbesUseCase;
import dev.poolkeeper.application.port.in.canary.ProbeSchedulesUseCase;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.application.port.in.canary.ReconcileCanaryInboxesUseCase;
import dev.poolkeeper.application.port.in.cluster.HeartbeatUseCase;
import dev.poolkeeper.application.port.in.event.DeliverEventsUseCase;
import dev.poolkeeper.application.port.in.event.EventEndpointsUseCase;
import dev.poolkeeper.application.port.in.event.ForgetOldEventsUseCase;
import dev.poolkeeper.application.port.in.event.ListEventsUseCase;
import dev.poolkeeper.application.port.in.health.ReviveRestedNumbersUseCase;
import dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.poolkeeper.application.port.in.messaging.CancelMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.DispatchMessagesUseCase;
import dev.poolkeeper.application.port.in.messaging.GetMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.ListMessagesUseCase;
import dev.poolkeeper.application.port.in.messaging.RecoverInterruptedSendsUseCase;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase;
import dev.poolkeeper.application.port.in.number.AddNumbersUseCase;
import dev.poolkeeper.application.port.in.number.GetNumberUseCase;
import dev.poolkeeper.application.port.in.number.ListMemberDetailsUseCase;
import dev.poolkeeper.application.port.in.number.ListNumbersUseCase;
import dev.poolkeeper.application.port.in.number.RemovalImpactUseCase;
import dev.poolkeeper.application.port.in.number.RemoveNumberUseCase;
import dev.poolkeeper.application.port.in.number.RemoveNumbersUseCase;
import dev.poolkeeper.application.port.in.number.UpdateMemberUseCase;
import dev.poolkeeper.application.port.in.optout.CreateOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.DeleteOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.GetOptOutListUseCase;
import dev.poolkeeper.application.port.in.optout.KeywordRepliesUseCase;
import dev.poolkeeper.application.port.in.optout.ListOptOutListsUseCase;
import dev.poolkeeper.application.port.in.optout.ListOptedOutNumbersUseCase;
import dev.poolkeeper.application.port.in.optout.OptInNumberUseCase;
import dev.poolkeeper.application.port.in.optout.OptOutNumberUseCase;
import dev.poolkeeper.application.port.in.optout.RecentOptOutChangesUseCase;
import dev.poolkeeper.application.port.in.optout.OptOutStatusUseCase;
import dev.poolkeeper.application.port.in.pool.CreatePoolUseCase;
import dev.poolkeeper.application.port.in.pool.DeletePoolUseCase;
import dev.poolkeeper.application.port.in.pool.GetPoolUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolEventsUseCase;
import dev.poolkeeper.application.port.in.pool.PoolDeliveryDaysUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolOverviewsUseCase;
import dev.poolkeeper.application.port.in.pool.ListPoolsUseCase;
import dev.poolkeeper.application.port.in.pool.UpdatePoolUseCase;
import dev.poolkeeper.application.port.in.provider.CreateProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.DeleteProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.ListProviderConnectionsUseCase;
import dev.poolkeeper.application.port.in.provider.TestProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.UpdateProviderConnectionUseCase;
import dev.poolkeeper.application.port.in.provider.WebhookConnectionUseCase;
import dev.poolkeeper.application.port.in.selection.GetStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.PinStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.ResetStickySenderUseCase;
import dev.poolkeeper.application.port.in.selection.SelectSenderUseCase;
import dev.poolkeeper.application.port.in.stats.GetStatisticsUseCase;
import dev.poolkeeper.application.port.in.sync.GetSyncStatusUseCase;
import dev.poolkeeper.application.port.in.sync.ImportPoolUseCase;
import dev.poolkeeper.application.port.in.sync.PlanSyncUseCase;
import dev.poolkeeper.application.port.in.sync.RequestFullReconcileUseCase;
import dev.poolkeeper.application.port.in.sync.RequestSyncUseCase;
import dev.poolkeeper.application.port.in.sync.RunPendingSyncsUseCase;
import dev.poolkeeper.application.port.in.webhook.HandleInboundMessageUseCase;
import dev.poolkeeper.application.port.in.webhook.RecordDeliveryReceiptUseCase;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.application.port.out.account.ConsoleSessionRepository;
import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.canary.ProbeScheduleRepository;
import dev.poolkeeper.application.port.out.cluster.InstanceRegistry;
import dev.poolkeeper.application.port.out.cluster.SharedCallBudget;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventEndpointRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.event.EventSink;
import dev.poolkeeper.application.port.out.event.UrlGuard;
import dev.poolkeeper.application.port.out.idempotency.IdempotencyRepository;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.application.port.out.pool.KeywordReplyRepository;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.provider.InboxConnector;
import dev.poolkeeper.application.port.out.provider.MessagingConnector;
import dev.poolkeeper.application.port.out.provider.ProviderConnectionRepository;
import dev.poolkeeper.application.port.out.provider.ProviderConnector;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.application.port.out.stats.BacklogRepository;
import dev.poolkeeper.application.port.out.stats.DeliveryDayRepository;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.account.ActiveKeyCache;
import dev.poolkeeper.application.service.account.AuthenticateService;
import dev.poolkeeper.application.service.account.ConsoleSessionService;
import dev.poolkeeper.application.service.account.OperationsService;
import dev.poolkeeper.application.service.account.CreateAccountService;
import dev.poolkeeper.application.service.account.CreateApiKeyService;
import dev.poolkeeper.application.service.account.EnsureDevelopmentAccountService;
import dev.poolkeeper.application.service.account.ListApiKeysService;
import dev.poolkeeper.application.service.account.RevokeApiKeyService;
import dev.poolkeeper.application.service.canary.CanaryInboxService;
import dev.poolkeeper.application.service.canary.CanaryRentals;
import dev.poolkeeper.application.service.canary.PollProbesService;
import dev.poolkeeper.application.service.canary.ProbeScheduleService;
import dev.poolkeeper.application.service.canary.ProbeSender;
import dev.poolkeeper.application.service.canary.ProbeService;
import dev.poolkeeper.application.service.canary.ReconcileCanaryInboxesService;
import dev.poolkeeper.application.service.cluster.HeartbeatService;
import dev.poolkeeper.application.service.event.CallbackSigners;
import dev.poolkeeper.application.service.event.DeliverEventsService;
import dev.poolkeeper.application.service.event.EventEndpointsService;
import dev.poolkeeper.application.service.event.ForgetOldEventsService;
import dev.poolkeeper.application.service.event.ListEventsService;
import dev.poolkeeper.application.service.health.HealthChanges;
import dev.poolkeeper.application.service.health.HealthJudge;
import dev.poolkeeper.application.service.health.ReviveRestedNumbersService;
import dev.poolkeeper.application.service.idempotency.RunIdempotentlyService;
import dev.poolkeeper.application.service.messaging.AcceptMessageService;
import dev.poolkeeper.application.service.messaging.CancelMessageService;
import dev.poolkeeper.application.service.messaging.DispatchMessagesService;
import dev.poolkeeper.application.service.messaging.DispatchPartition;
import dev.poolkeeper.application.service.messaging.GetMessageService;
import dev.poolkeeper.application.service.messaging.ListMessagesService;
import dev.poolkeeper.application.service.messaging.MessageStore;
import dev.poolkeeper.application.service.messaging.QueueBound;
import dev.poolkeeper.application.service.messaging.RecoverInterruptedSendsService;
import dev.poolkeeper.application.service.number.AddNumbersService;
import dev.poolkeeper.application.service.number.GetNumberService;
import dev.poolkeeper.application.service.number.ListMemberDetailsService;
import dev.poolkeeper.application.service.number.ListNumbersService;
import dev.poolkeeper.application.service.number.RemovalImpactService;
import dev.poolkeeper.application.service.number.RemoveNumberService;
import dev.poolkeeper.application.service.number.RemoveNumbersService;
import dev.poolkeeper.application.service.number.UpdateMemberService;
import dev.poolkeeper.application.service.optout.CreateOptOutListService;
import dev.poolkeeper.application.service.optout.DeleteOptOutListService;
import dev.poolkeeper.application.service.optout.GetOptOutListService;
import dev.poolkeeper.application.service.optout.KeywordRepliesService;
import dev.poolkeeper.application.service.optout.ListOptOutListsService;
import dev.poolkeeper.application.service.optout.ListOptedOutNumbersService;
import dev.poolkeeper.application.service.optout.OptInNumberService;
import dev.poolkeeper.application.service.optout.OptOutLists;
import dev.poolkeeper.application.service.optout.OptOutNumberService;
import dev.poolkeeper.application.service.optout.RecentOptOutChangesService;
import dev.poolkeeper.application.service.optout.OptOutStatusService;
import dev.poolkeeper.application.service.pool.CreatePoolService;
import dev.poolkeeper.application.service.pool.DeletePoolService;
import dev.poolkeeper.application.service.pool.GetPoolService;
import dev.poolkeeper.application.service.pool.ListPoolEventsService;
import dev.poolkeeper.application.service.pool.PoolDeliveryDaysService;
import dev.poolkeeper.application.service.pool.ListPoolOverviewsService;
import dev.poolkeeper.application.service.pool.ListPoolsService;
import dev.poolkeeper.application.service.pool.UpdatePoolService;
import dev.poolkeeper.application.service.provider.CreateProviderConnectionService;
import dev.poolkeeper.application.service.provider.DeleteProviderConnectionService;
import dev.poolkeeper.application.service.provider.ListProviderConnectionsService;
import dev.poolkeeper.application.service.provider.ProviderCatalog;
import dev.poolkeeper.application.service.provider.ProviderConnections;
import dev.poolkeeper.application.service.provider.ProviderPorts;
import dev.poolkeeper.application.service.provider.TestProviderConnectionService;
import dev.poolkeeper.application.service.provider.UpdateProviderConnectionService;
import dev.poolkeeper.application.service.provider.WebhookConnectionService;
import dev.poolkeeper.application.service.selection.GetStickySenderService;
import dev.poolkeeper.application.service.selection.PinStickySenderService;
import dev.poolkeeper.application.service.selection.PoolIndexCache;
import dev.poolkeeper.application.service.selection.ResetStickySenderService;
import dev.poolkeeper.application.service.selection.SelectSenderService;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.application.service.selection.SendPacing;
import dev.poolkeeper.application.service.selection.SenderDecisions;
import dev.poolkeeper.application.service.stats.GetStatisticsService;
import dev.poolkeeper.application.service.sync.Backoff;
import dev.poolkeeper.application.service.sync.GetSyncStatusService;
import dev.poolkeeper.application.service.sync.ImportPoolService;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import dev.poolkeeper.application.service.sync.PlanSyncService;
import dev.poolkeeper.application.service.sync.PoolSyncer;
import dev.poolkeeper.application.service.sync.RequestFullReconcileService;
import dev.poolkeeper.application.service.sync.RequestSyncService;
import dev.poolkeeper.application.service.sync.RunPendingSyncsService;
import dev.poolkeeper.application.service.sync.SyncRequestingEvents;
import dev.poolkeeper.application.service.webhook.HandleInboundMessageService;
import dev.poolkeeper.application.service.webhook.RecordDeliveryReceiptService;
import dev.poolkeeper.domain.number.HealthPolicy;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.selection.AlphanumericSenderPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the framework-free services meet their adapters: each use case is built
 * here from the out-ports the adapters provide, and exposed under its interface only.
 */
@Factory
final class UseCaseFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    CreateAccountUseCase createAccount(AccountRepository accounts, ApiKeyRepository keys, TransactionRunner tx,
                                       Clock clock) {
        return new CreateAccountService(accounts, keys, tx, clock);
    }

    @Singleton
    EnsureDevelopmentAccountUseCase ensureDevelopmentAccount(AccountRepository accounts, ApiKeyRepository keys,
                                                             TransactionRunner tx, Clock clock) {
        return new EnsureDevelopmentAccountService(accounts, keys, tx, clock);
    }

    @Singleton
    ActiveKeyCache activeKeyCache(@Value("${poolkeeper.auth.cache-ttl:PT1S}") Duration cacheTtl) {
        return new ActiveKeyCache(cacheTtl);
    }

    @Singleton
    AuthenticateUseCase authenticate(ApiKeyRepository keys, ActiveKeyCache activeKeys, Clock clock) {
        return new AuthenticateService(keys, clock, activeKeys);
    }

    @Singleton
    OperationsUseCase operations(MessageRepository messages, SyncPartRepository parts,
                                 EventEndpointRepository endpoints, EventDeliveryRepository deliveries,
                                 Clock clock) {
        return new OperationsService(messages, parts, endpoints, deliveries, clock);
    }

    @Singleton
    ConsoleSessionsUseCase consoleSessions(ApiKeyRepository keys, ConsoleSessionRepository sessions,
                                           @Value("${poolkeeper.console.idle-timeout:PT30M}") Duration idle,
                                           @Value("${poolkeeper.console.session-lifetime:PT12H}") Duration lifetime,
                                           @Value("${poolkeeper.console.sign-in-attempts-per-minute:10}") int attempts,
                                           Clock clock) {
        return new ConsoleSessionService(keys, sessions, idle, lifetime, attempts, clock);
    }

    @Singleton
    CreateApiKeyUseCase createApiKey(ApiKeyRepository keys, Clock clock) {
        return new CreateApiKeyService(keys, clock);
    }

    @Singleton
    ListApiKeysUseCase listApiKeys(ApiKeyRepository keys) {
        return new ListApiKeysService(keys);
    }

    @Singleton
    RevokeApiKeyUseCase revokeApiKey(ApiKeyRepository keys, ActiveKeyCache activeKeys, Clock clock) {
        return new RevokeApiKeyService(keys, activeKeys, clock);
    }

    @Singleton
    CreatePoolUseCase createPool(PoolRepository pools, PoolEventRepository events, OptOutListRepository optOutLists,
                                 TransactionRunner tx, Clock clock,
            SyncRequestRepository syncRequests) {
        return new CreatePoolService(pools, new SyncRequestingEvents(events, syncRequests), optOutLists, tx, clock);
    }

    @Singleton
    GetPoolUseCase getPool(PoolRepository pools) {
        return new GetPoolService(pools);
    }

    @Singleton
    RemovalImpactUseCase removalImpact(PoolRepository pools, PoolMemberRepository members,
                                       StickySenderRepository stickies) {
        return new RemovalImpactService(pools, members, stickies);
    }

    @Singleton
    ListPoolOverviewsUseCase listPoolOverviews(PoolRepository pools, PoolMemberRepository members,
                                               SyncPartRepository parts) {
        return new ListPoolOverviewsService(pools, members, parts);
    }

    @Singleton
    PoolDeliveryDaysUseCase poolDeliveryDays(PoolRepository pools, DeliveryDayRepository days, Clock clock) {
        return new PoolDeliveryDaysService(pools, days, clock);
    }

    @Singleton
    RecentOptOutChangesUseCase recentOptOutChanges(EventRepository events) {
        return new RecentOptOutChangesService(events);
    }

    @Singleton
    ListPoolsUseCase listPools(PoolRepository pools) {
        return new ListPoolsService(pools);
    }

    @Singleton
    UpdatePoolUseCase updatePool(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                                 OptOutListRepository optOutLists, TransactionRunner tx, Clock clock,
            SyncRequestRepository syncRequests) {
        return new UpdatePoolService(pools, members, new SyncRequestingEvents(events, syncRequests), optOutLists, tx, clock);
    }

    @Singleton
    DeletePoolUseCase deletePool(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                                 TransactionRunner tx, Clock clock,
            SyncRequestRepository syncRequests) {
        return new DeletePoolService(pools, members, new SyncRequestingEvents(events, syncRequests), tx, clock);
    }

    @Singleton
    ListPoolEventsUseCase listPoolEvents(PoolRepository pools, PoolEventRepository events) {
        return new ListPoolEventsService(pools, events);
    }

    @Singleton
    AddNumbersUseCase addNumbers(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                                 TransactionRunner tx, Clock clock, SyncRequestRepository syncRequests,
                                 ProviderConnectionRepository connections) {
        return new AddNumbersService(pools, members, new SyncRequestingEvents(events, syncRequests), tx, clock,
                connections::find);
    }

    @Singleton
    RemoveNumbersUseCase removeNumbers(PoolRepository pools, PoolMemberRepository members,
                                       PoolEventRepository events, TransactionRunner tx, Clock clock,
            SyncRequestRepository syncRequests) {
        return new RemoveNumbersService(pools, members, new SyncRequestingEvents(events, syncRequests), tx, clock);
    }

    @Singleton
    RemoveNumberUseCase removeNumber(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                                     TransactionRunner tx, Clock clock,
            SyncRequestRepository syncRequests) {
        return new RemoveNumberService(pools, members, new SyncRequestingEvents(events, syncRequests), tx, clock);
    }

    @Singleton
    GetNumberUseCase getNumber(PoolRepository pools, PoolMemberRepository members) {
        return new GetNumberService(pools, members);
    }

    @Singleton
    UpdateMemberUseCase updateMember(PoolRepository pools, PoolMemberRepository members, PoolEventRepository events,
                                     TransactionRunner tx, Clock clock) {
        return new UpdateMemberService(pools, members, events, tx, clock);
    }

    @Singleton
    ListNumbersUseCase listNumbers(PoolRepository pools, PoolMemberRepository members) {
        return new ListNumbersService(pools, members);
    }

    @Singleton
    ListMemberDetailsUseCase listMemberDetails(PoolRepository pools, PoolMemberRepository members,
                                               NumberHealthRepository health, SendBudgets budgets,
                                               @Value("${poolkeeper.health.rest:PT24H}") Duration rest) {
        return new ListMemberDetailsService(pools, members, health, budgets, rest);
    }

    @Singleton
    RunIdempotentlyUseCase runIdempotently(IdempotencyRepository records, TransactionRunner tx, Clock clock,
            @Value("${poolkeeper.idempotency.abandoned-after:PT5M}") Duration abandonedAfter) {
        return new RunIdempotentlyService(records, tx, abandonedAfter, clock);
    }

    @Singleton
    GetStatisticsUseCase statistics(AccountRepository accounts, PoolRepository pools, BacklogRepository backlog) {
        return new GetStatisticsService(accounts, pools, backlog);
    }

    /** One instance for selecting and sending, so both share the pool indexes and the send budgets. */
    @Singleton
    SenderDecisions senderDecisions(PoolRepository pools, PoolIndexCache indexes, OptOutRepository optOuts,
                                    StickySenderRepository stickies, SendBudgets budgets,
                                    Clock clock, ProviderPorts providers,
                                    @Value("${poolkeeper.alphanumeric-sender.not-allowed:}") String notAllowed) {
        AlphanumericSenderPolicy alphanumeric = notAllowed.isBlank() ? AlphanumericSenderPolicy.published()
                : AlphanumericSenderPolicy.notAllowedIn(List.of(notAllowed.split(",")));
        return new SenderDecisions(pools, indexes, optOuts, stickies, budgets, clock, providers::unavailable,
                alphanumeric);
    }

    /** The selection indexes this instance keeps, bounded by the members they hold (see {@link PoolIndexCache}). */
    @Singleton
    PoolIndexCache poolIndexCache(PoolMemberRepository members,
                                  @Value("${poolkeeper.selection.index-cache-max-members:"
                                          + PoolIndexCache.DEFAULT_MAX_MEMBERS + "}") long maxMembers) {
        return new PoolIndexCache(members, maxMembers);
    }

    /** Shared with the heartbeat, which tells it how many instances are alive. */
    @Singleton
    SendBudgets sendBudgets(Clock clock, SharedSendBudget shared,
                            @Value("${poolkeeper.send-budget.long-code:1}") double longCode,
                            @Value("${poolkeeper.send-budget.toll-free:20}") double tollFree,
                            @Value("${poolkeeper.send-budget.numbers:}") String perNumber,
                            @Value("${poolkeeper.send-budget.shared:auto}") String sharing) {
        Map<NumberType, Double> perSecond = new EnumMap<>(NumberType.class);
        perSecond.put(NumberType.LONG_CODE, longCode);
        perSecond.put(NumberType.TOLL_FREE, tollFree);
        return new SendBudgets(perSecond, SendBudgets.parsePerNumber(perNumber), Optional.of(shared),
                sharing(sharing), clock);
    }

    private static SendBudgets.Sharing sharing(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> SendBudgets.Sharing.AUTO;
            case "true" -> SendBudgets.Sharing.SHARED;
            case "false" -> SendBudgets.Sharing.LOCAL;
            default -> throw new IllegalArgumentException(
                    "poolkeeper.send-budget.shared must be auto, true or false, not '" + value + "'");
        };
    }

    @Singleton
    HeartbeatUseCase heartbeat(InstanceRegistry registry, SendBudgets budgets, DispatchPartition partition,
                               Clock clock,
                               @Value("${poolkeeper.instances.heartbeat-interval:5s}") Duration interval) {
        return new HeartbeatService(registry, budgets, partition, "instance-" + java.util.UUID.randomUUID(), interval,
                clock);
    }

    /** Shared by the heartbeat, which tells it who is alive, and the dispatcher, which asks it what is its own. */
    @Singleton
    DispatchPartition dispatchPartition(Clock clock,
                                        @Value("${poolkeeper.instances.heartbeat-interval:5s}") Duration interval) {
        return new DispatchPartition(clock, DispatchPartition.handoverFor(interval));
    }

    @Singleton
    SelectSenderUseCase selectSender(SenderDecisions decisions) {
        return new SelectSenderService(decisions);
    }

    @Singleton
    CallbackSigners callbackSigners(EventEndpointRepository endpoints) {
        return new CallbackSigners(endpoints);
    }

    @Singleton
    MessageStore messageStore(MessageRepository messages, MessageOutbox outbox, EventRepository events,
                              CallbackSigners signers, EventDeliveryRepository deliveries, TransactionRunner tx) {
        return new MessageStore(messages, outbox, events, signers, deliveries, tx);
    }

    @Singleton
    SendMessageUseCase sendMessage(SenderDecisions decisions, MessageRepository messages, MessageStore store,
                                   SyncPartRepository parts, ProviderPorts providers, SendBudgets budgets, Clock clock,
                                   CallbackSigners signers,
                                   @Value("${poolkeeper.queue.max-per-pool:100000}") long maxPerPool) {
        return new AcceptMessageService(decisions, messages, store, parts, providers,
                new QueueBound(messages, budgets, maxPerPool, Duration.ofSeconds(1), clock), signers, clock);
    }

    @Singleton
    DispatchMessagesUseCase dispatchMessages(SenderDecisions decisions, MessageRepository messages,
                                             MessageStore store, SyncPartRepository parts, ProviderPorts providers,
                                             SendBudgets budgets, DispatchPartition partition,
                                             @Value("${poolkeeper.sending.max-attempts:3}") int maxAttempts,
                                             Clock clock) {
        return new DispatchMessagesService(decisions, messages, store, parts, providers, budgets,
                new SendPacing(budgets, clock, Thread::sleep), partition, maxAttempts, clock);
    }

    @Singleton
    CancelMessageUseCase cancelMessage(MessageRepository messages, MessageStore store, TransactionRunner tx,
                                       Clock clock) {
        return new CancelMessageService(messages, store, tx, clock);
    }

    @Singleton
    ListMessagesUseCase listMessages(MessageRepository messages) {
        return new ListMessagesService(messages);
    }

    /**
     * A message `sending` unchanged for {@code poolkeeper.sending.interrupted-after} was interrupted by a crash.
     * A live send writes its message after every attempt, so the wait is at least twice what one attempt
     * may take (connect plus request timeout), whatever is configured.
     */
    @Singleton
    RecoverInterruptedSendsUseCase recoverInterruptedSends(MessageRepository messages, MessageStore store,
            TransactionRunner tx,
            Clock clock, @Value("${poolkeeper.sending.interrupted-after:PT2M}") Duration interruptedAfter,
            @Value("${poolkeeper.providers.connect-timeout:PT2S}") Duration connectTimeout,
            @Value("${poolkeeper.providers.request-timeout:PT10S}") Duration requestTimeout,
            @Value("${poolkeeper.sending.unknown-after:PT48H}") Duration unknownAfter) {
        Duration floor = connectTimeout.plus(requestTimeout).multipliedBy(2);
        Duration after = interruptedAfter.compareTo(floor) < 0 ? floor : interruptedAfter;
        return new RecoverInterruptedSendsService(messages, store, after, unknownAfter, tx, clock);
    }

    @Singleton
    GetMessageUseCase getMessage(MessageRepository messages) {
        return new GetMessageService(messages);
    }

    /** How delivered-or-not outcomes (receipts and probes) judge a number's health. */
    @Singleton
    HealthPolicy healthPolicy(@Value("${poolkeeper.health.window:20}") int window,
                              @Value("${poolkeeper.health.min-receipts:10}") int minReceipts,
                              @Value("${poolkeeper.health.unhealthy-below:0.25}") double below,
                              @Value("${poolkeeper.health.healthy-from:0.5}") double from) {
        return new HealthPolicy(window, minReceipts, below, from);
    }

    @Singleton
    RecordDeliveryReceiptUseCase recordDeliveryReceipt(MessageRepository messages, MessageStore store,
                                                       WebhookReceiptLog receiptLog,
                                                       NumberHealthRepository health, PoolRepository pools,
                                                       PoolEventRepository events, DeliveryDayRepository days,
                                                       TransactionRunner tx, Clock clock, HealthPolicy policy) {
        return new RecordDeliveryReceiptService(messages, store, receiptLog, health, new HealthChanges(pools, events),
                policy, days, tx, clock);
    }

    @Singleton
    ReviveRestedNumbersUseCase reviveRestedNumbers(NumberHealthRepository health, PoolRepository pools,
                                                   PoolEventRepository events, TransactionRunner tx, Clock clock,
                                                   @Value("${poolkeeper.health.rest:PT24H}") Duration rest) {
        return new ReviveRestedNumbersService(health, new HealthChanges(pools, events), rest, tx, clock);
    }

    @Singleton
    ProviderCatalog providerCatalog(List<ProviderPoolPort> providers) {
        return new ProviderCatalog(providers);
    }

    @Singleton
    OptOutListMirror optOutListMirror(PoolRepository pools, OptOutListRepository lists,
                                      SyncRequestRepository syncRequests, ProviderCatalog providers) {
        return new OptOutListMirror(pools, lists, syncRequests, providers);
    }

    @Singleton
    HandleInboundMessageUseCase handleInboundMessage(PoolMemberRepository members, PoolRepository pools,
                                                     OptOutRepository optOuts, StickySenderRepository stickies,
                                                     EventRepository events, WebhookReceiptLog receiptLog,
                                                     OptOutListMirror mirror, KeywordReplyRepository replies,
                                                     MessageStore store, TransactionRunner tx, Clock clock) {
        return new HandleInboundMessageService(members, pools, optOuts, stickies, events, receiptLog, mirror, replies,
                store, tx, clock);
    }

    @Singleton
    KeywordRepliesUseCase keywordReplies(KeywordReplyRepository replies, PoolRepository pools, Clock clock) {
        return new KeywordRepliesService(replies, pools, clock);
    }

    @Singleton
    GetStickySenderUseCase getStickySender(PoolRepository pools, StickySenderRepository stickies) {
        return new GetStickySenderService(pools, stickies);
    }

    @Singleton
    PinStickySenderUseCase pinStickySender(PoolRepository pools, PoolMemberRepository members,
                                           StickySenderRepository stickies, Clock clock) {
        return new PinStickySenderService(pools, members, stickies, clock);
    }

    @Singleton
    ResetStickySenderUseCase resetStickySender(PoolRepository pools, StickySenderRepository stickies) {
        return new ResetStickySenderService(pools, stickies);
    }

    @Singleton
    CreateOptOutListUseCase createOptOutList(OptOutListRepository lists, Clock clock) {
        return new CreateOptOutListService(lists, clock);
    }

    @Singleton
    GetOptOutListUseCase getOptOutList(OptOutListRepository lists, PoolRepository pools) {
        return new GetOptOutListService(new OptOutLists(lists, pools));
    }

    @Singleton
    ListOptOutListsUseCase listOptOutLists(OptOutListRepository lists) {
        return new ListOptOutListsService(lists);
    }

    @Singleton
    DeleteOptOutListUseCase deleteOptOutList(OptOutListRepository lists, PoolRepository pools, TransactionRunner tx) {
        return new DeleteOptOutListService(lists, new OptOutLists(lists, pools), tx);
    }

    @Singleton
    ListOptedOutNumbersUseCase listOptedOutNumbers(OptOutListRepository lists, OptOutRepository optOuts,
                                                   PoolRepository pools) {
        return new ListOptedOutNumbersService(new OptOutLists(lists, pools), optOuts);
    }

    @Singleton
    OptOutNumberUseCase optOutNumber(OptOutListRepository lists, OptOutRepository optOuts, PoolRepository pools,
                                     OptOutListMirror mirror, EventRepository events, TransactionRunner tx,
                                     Clock clock) {
        return new OptOutNumberService(new OptOutLists(lists, pools), optOuts, mirror, events, tx, clock);
    }

    @Singleton
    OptOutStatusUseCase optOutStatus(OptOutListRepository lists, OptOutRepository optOuts, PoolRepository pools) {
        return new OptOutStatusService(new OptOutLists(lists, pools), optOuts);
    }

    @Singleton
    OptInNumberUseCase optInNumber(OptOutListRepository lists, OptOutRepository optOuts, PoolRepository pools,
                                     OptOutListMirror mirror, EventRepository events, TransactionRunner tx,
                                     Clock clock) {
        return new OptInNumberService(new OptOutLists(lists, pools), optOuts, mirror, events, tx, clock);
    }

    @Singleton
    EventEndpointsUseCase eventEndpoints(EventEndpointRepository endpoints, EventDeliveryRepository deliveries,
                                         EventRepository events, UrlGuard guard, TransactionRunner tx, Clock clock,
                                         @Value("${poolkeeper.events.secret-overlap:PT24H}") Duration overlap) {
        return new EventEndpointsService(endpoints, deliveries, events, guard, overlap, tx, clock);
    }

    @Singleton
    ForgetOldEventsUseCase forgetOldEvents(EventRepository events, Clock clock,
                                           @Value("${poolkeeper.events.retention:P30D}") Duration retention) {
        return new ForgetOldEventsService(events, retention, clock);
    }

    @Singleton
    ListEventsUseCase listEvents(EventRepository events) {
        return new ListEventsService(events);
    }

    @Singleton
    DeliverEventsUseCase deliverEvents(EventDeliveryRepository deliveries, EventEndpointRepository endpoints,
                                       EventRepository events, EventSink sink, TransactionRunner tx, Clock clock,
                                       @Value("${poolkeeper.events.delivery-lease:PT2M}") Duration lease,
                                       @Value("${poolkeeper.events.disable-after:PT24H}") Duration disableAfter) {
        return new DeliverEventsService(deliveries, endpoints, events, sink, lease, disableAfter, tx, clock);
    }

    @Singleton
    PoolSyncer poolSyncer(PoolRepository pools, PoolMemberRepository members, SyncPartRepository parts,
                          OptOutRepository optOuts, PoolEventRepository events, ProviderPorts providers,
                          TransactionRunner tx, Clock clock,
                          @Value("${poolkeeper.sync.max-attempts:5}") int maxAttempts,
                          @Value("${poolkeeper.sync.backoff:PT0.2S}") Duration backoff,
                          @Value("${poolkeeper.sync.max-wait:PT30S}") Duration maxWait) {
        return new PoolSyncer(pools, members, parts, optOuts, events, providers, tx,
                new Backoff(maxAttempts, backoff, maxWait),
                wait -> Thread.sleep(wait.toMillis()), clock);
    }

    @Singleton
    PlanSyncUseCase planSync(PoolRepository pools, PoolSyncer syncer) {
        return new PlanSyncService(pools, syncer);
    }

    @Singleton
    GetSyncStatusUseCase getSyncStatus(PoolRepository pools, SyncPartRepository parts,
                                       SyncRequestRepository requests) {
        return new GetSyncStatusService(pools, parts, requests);
    }

    @Singleton
    RequestSyncUseCase requestSync(PoolRepository pools, SyncRequestRepository requests, Clock clock) {
        return new RequestSyncService(pools, requests, clock);
    }

    @Singleton
    RunPendingSyncsUseCase runPendingSyncs(SyncRequestRepository requests, PoolSyncer syncer, Clock clock,
                                           @Value("${poolkeeper.sync.lease:PT2M}") Duration lease) {
        return new RunPendingSyncsService(requests, syncer, lease, clock);
    }

    @Singleton
    RequestFullReconcileUseCase requestFullReconcile(SyncRequestRepository requests, Clock clock) {
        return new RequestFullReconcileService(requests, clock);
    }

    @Singleton
    ImportPoolUseCase importPool(ProviderPorts providers, PoolRepository pools, PoolMemberRepository members,
                                 PoolEventRepository events, SyncPartRepository parts, TransactionRunner tx,
                                 Clock clock) {
        return new ImportPoolService(providers, pools, members, events, parts, tx, clock);
    }

    /**
     * The ports every provider call goes through: bound to the account's own connection when it has one,
     * metered either way.
     */
    @Singleton
    ProviderPorts providerPorts(List<SmsPort> sms, List<ProviderPoolPort> pools, List<MessagingConnector> connectors,
                                ProviderConnectionRepository connections, MeterRegistry registry, Clock clock,
                                @Value("${poolkeeper.provider-connections.cache-ttl:PT5S}") Duration ttl) {
        return new ProviderPorts(sms, pools, connectors, connections, p -> new MeteredSmsPort(p, registry),
                p -> new MeteredProviderPoolPort(p, registry), ttl, clock);
    }

    @Singleton
    ProviderConnections providerConnections(ProviderConnectionRepository repository, List<ProviderConnector> connectors,
                                            @Value("${poolkeeper.provider-connections.base-url-allowed:false}")
                                            boolean baseUrlAllowed) {
        return new ProviderConnections(repository, connectors, baseUrlAllowed);
    }

    @Singleton
    CreateProviderConnectionUseCase createProviderConnection(ProviderConnections connections, ProviderPorts ports,
                                                             Clock clock) {
        return new CreateProviderConnectionService(connections, ports, clock);
    }

    @Singleton
    ListProviderConnectionsUseCase listProviderConnections(ProviderConnections connections) {
        return new ListProviderConnectionsService(connections);
    }

    @Singleton
    UpdateProviderConnectionUseCase updateProviderConnection(ProviderConnections connections, ProviderPorts ports,
                                                             Clock clock) {
        return new UpdateProviderConnectionService(connections, ports, clock);
    }

    @Singleton
    DeleteProviderConnectionUseCase deleteProviderConnection(ProviderConnections connections,
                                                             PoolMemberRepository members, ProviderPorts ports,
                                                             TransactionRunner tx) {
        return new DeleteProviderConnectionService(connections, members, ports, tx);
    }

    @Singleton
    WebhookConnectionUseCase webhookConnection(ProviderConnectionRepository connections) {
        return new WebhookConnectionService(connections);
    }

    @Singleton
    TestProviderConnectionUseCase testProviderConnection(ProviderConnections connections) {
        return new TestProviderConnectionService(connections);
    }

    @Singleton
    CanaryRentals canaryRentals(ProviderConnections connections, List<InboxConnector> connectors,
                                CanaryInboxRepository inboxes, Clock clock,
                                @Value("${poolkeeper.canary.rental-reconcile-window:PT10M}") Duration window) {
        return new CanaryRentals(connections, connectors, inboxes, window, clock);
    }

    @Singleton
    CanaryInboxesUseCase canaryInboxes(CanaryRentals rentals) {
        return new CanaryInboxService(rentals);
    }

    @Singleton
    ReconcileCanaryInboxesUseCase reconcileCanaryInboxes(CanaryRentals rentals, ProbeScheduleRepository schedules,
                                                         PoolEventRepository events, EventRepository accountEvents,
                                                         ProbeRepository probes,
                                                         @Value("${poolkeeper.canary.probe-retention:P30D}")
                                                         Duration retention) {
        return new ReconcileCanaryInboxesService(rentals, schedules, events, accountEvents, probes, retention);
    }

    @Singleton
    ProbeSender probeSender(PoolRepository pools, PoolMemberRepository members, CanaryInboxRepository inboxes,
                            ProbeRepository probes, ProviderPorts ports, Clock clock,
                            @Value("${poolkeeper.canary.probe-deadline:PT5M}") Duration deadline) {
        return new ProbeSender(pools, members, inboxes, probes, ports, deadline, clock);
    }

    @Singleton
    ProbesUseCase probes(ProbeSender sender, PoolRepository pools, CanaryInboxRepository inboxes,
                         ProbeRepository probes, Clock clock) {
        return new ProbeService(sender, pools, inboxes, probes, clock);
    }

    @Singleton
    PollProbesUseCase pollProbes(CanaryRentals rentals, ProbeRepository probes, NumberHealthRepository health,
                                 PoolRepository pools, PoolEventRepository events, HealthPolicy policy,
                                 TransactionRunner tx, SharedCallBudget calls,
                                 @Value("${poolkeeper.canary.evidence-window:PT24H}") Duration evidenceWindow) {
        return new PollProbesService(rentals, probes, new HealthJudge(health, new HealthChanges(pools, events), policy),
                tx, events, calls, evidenceWindow);
    }

    @Singleton
    ProbeSchedulesUseCase probeSchedules(ProbeScheduleRepository schedules, PoolRepository pools,
                                         CanaryInboxRepository inboxes, PoolEventRepository events,
                                         ProbeSender probes, Clock clock,
                                         @Value("${poolkeeper.canary.min-schedule-interval:PT15M}") Duration min) {
        return new ProbeScheduleService(schedules, pools, inboxes, events, probes, min, clock);
    }
}
