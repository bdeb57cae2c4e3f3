package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.event.EventDeliveryRepository;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.stats.DeliveryDayRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.DeliveryBacklog;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.event.EventEndpointId;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the console reads besides the API's lists, on the real database. */
class ConsoleReadModelsAdapterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    private static NumberPool pool(String name) {
        AccountId account = AccountId.newId(NOW);
        DB.bean(AccountRepository.class).insert(new Account(account, name, NOW));
        NumberPool pool = NumberPool.create(account, PoolPatch.named(new PoolName(name)), NOW);
        DB.bean(PoolRepository.class).insert(pool);
        return pool;
    }

    @Test
    void aPoolsReceiptsAreSummedPerDayAcrossItsSendersAndGoWithThePool() {
        DeliveryDayRepository days = DB.bean(DeliveryDayRepository.class);
        NumberPool pool = pool("days");
        NumberPool other = pool("days-other");
        for (int i = 0; i < 20; i++) {
            // twenty senders fall into several of a day's rows; the sum is what counts
            days.count(pool.id(), "+1415555" + String.format("%04d", i), TODAY, i % 4 != 0);
        }
        days.count(pool.id(), "Acme", TODAY.minusDays(2), false);
        days.count(other.id(), "+14155550000", TODAY, true);
        days.count(pool.id(), "+14155550000", TODAY.minusDays(40), true);

        assertEquals(List.of(new DeliveryDay(TODAY.minusDays(2), 0, 1), new DeliveryDay(TODAY, 15, 5)),
                days.days(pool.id(), TODAY.minusDays(29), TODAY));
        assertEquals(List.of(new DeliveryDay(TODAY, 1, 0)), days.days(other.id(), TODAY, TODAY));

        DB.bean(PoolRepository.class).delete(pool);
        assertEquals(List.of(), days.days(pool.id(), TODAY.minusDays(60), TODAY), "deleted with its pool");
        assertEquals(1, days.days(other.id(), TODAY, TODAY).size(), "another pool's days stay");
    }

    @Test
    void standingsGiveEachMembersWindowAndSinceWhenItsHealthHolds() {
        NumberPool pool = pool("standings");
        PhoneNumber judged = PhoneNumber.parse("+14155550181");
        PhoneNumber fresh = PhoneNumber.parse("+14155550182");
        DB.bean(TransactionRunner.class).run(() -> DB.bean(PoolMemberRepository.class).insert(pool.accountId(),
                pool.id(), List.of(member(judged), member(fresh))));
        Instant since = NOW.minus(Duration.ofHours(3));
        DB.bean(TransactionRunner.class).run(() -> DB.bean(NumberHealthRepository.class).save(pool.accountId(), judged,
                NumberHealth.UNHEALTHY, new HealthWindow("DFFF"), since));

        Map<PhoneNumber, NumberHealthRepository.Standing> standings = DB.bean(NumberHealthRepository.class)
                .standings(pool.id(), List.of(judged, fresh, PhoneNumber.parse("+14155550183")));
        assertEquals(new NumberHealthRepository.Standing(new HealthWindow("DFFF"), Optional.of(since)),
                standings.get(judged));
        assertEquals(new NumberHealthRepository.Standing(HealthWindow.empty(), Optional.empty()), standings.get(fresh));
        assertFalse(standings.containsKey(PhoneNumber.parse("+14155550183")), "not a member");
        assertEquals(Map.of(), DB.bean(NumberHealthRepository.class).standings(pool.id(), List.of()));
    }

    private static PoolMember member(PhoneNumber number) {
        return new PoolMember(number, Provider.TELNYX, NumberType.TOLL_FREE, "US", null, false, 1,
                NumberHealth.UNKNOWN, NOW);
    }

    @Test
    void theNewestEventsOfSomeTypesComeNewestFirstAndOnlyTheAccounts() {
        EventRepository events = DB.bean(EventRepository.class);
        AccountId account = AccountId.newId(NOW);
        AccountId other = AccountId.newId(NOW);
        AccountEvent stop = AccountEvent.of(account, EventType.OPT_OUT_ADDED, NOW, Map.of("opt_out", Map.of()));
        AccountEvent sent = AccountEvent.of(account, EventType.MESSAGE_SENT, NOW, Map.of("message", Map.of()));
        AccountEvent start = AccountEvent.of(account, EventType.OPT_OUT_REMOVED, NOW, Map.of("opt_out", Map.of()));
        AccountEvent elsewhere = AccountEvent.of(other, EventType.OPT_OUT_ADDED, NOW, Map.of("opt_out", Map.of()));
        List.of(stop, sent, start, elsewhere).forEach(events::append);

        Set<EventType> optOuts = Set.of(EventType.OPT_OUT_ADDED, EventType.OPT_OUT_REMOVED);
        assertEquals(List.of(start.id(), stop.id()), events.newest(account, optOuts, 10).stream()
                .map(AccountEvent::id).toList());
        assertEquals(List.of(start.id()), events.newest(account, optOuts, 1).stream().map(AccountEvent::id).toList());
        assertEquals(List.of(), events.newest(account, Set.of(), 10));
    }

    @Test
    void anEndpointsBacklogCountsWaitingAndDeadDeliveriesButNotDeliveredOnes() {
        EventDeliveryRepository deliveries = DB.bean(EventDeliveryRepository.class);
        AccountId account = AccountId.newId(NOW);
        EventEndpointId busy = EventEndpointId.newId(NOW);
        EventEndpointId quiet = EventEndpointId.newId(NOW);
        EventEndpointId idle = EventEndpointId.newId(NOW);
        Instant oldest = NOW.minus(Duration.ofMinutes(7));
        deliveries.insert(EventDelivery.pending(account, busy, "evt_a", oldest));
        EventDelivery retrying = EventDelivery.pending(account, busy, "evt_b", NOW);
        retrying.failed(Optional.of(503), "unavailable", NOW);
        deliveries.insert(retrying);
        EventDelivery dead = EventDelivery.pending(account, busy, "evt_c", NOW);
        dead.abandon("the endpoint was disabled", NOW);
        deliveries.insert(dead);
        EventDelivery delivered = EventDelivery.pending(account, quiet, "evt_d", NOW);
        delivered.succeeded(200, NOW);
        deliveries.insert(delivered);

        Map<EventEndpointId, DeliveryBacklog> backlogs = deliveries.backlogs(List.of(busy, quiet, idle));
        assertEquals(new DeliveryBacklog(2, Optional.of(oldest), 1), backlogs.get(busy));
        assertTrue(!backlogs.containsKey(quiet) && !backlogs.containsKey(idle), backlogs.toString());
        assertEquals(Map.of(), deliveries.backlogs(List.of()));
    }
}
