package dev.poolkeeper.application.service;

import static dev.poolkeeper.domain.mothers.Numbers.usLongCode;
import static dev.poolkeeper.domain.mothers.Numbers.usNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolkeeper.application.fakes.InMemoryEvents;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.number.ListMemberDetailsUseCase.MemberDetail;
import dev.poolkeeper.application.port.in.number.ListNumbersQuery;
import dev.poolkeeper.application.port.in.optout.RecentOptOutChangesUseCase.OptOutChange;
import dev.poolkeeper.application.service.event.OptOutEvents;
import dev.poolkeeper.application.service.number.ListMemberDetailsService;
import dev.poolkeeper.application.service.optout.RecentOptOutChangesService;
import dev.poolkeeper.application.service.pool.PoolDeliveryDaysService;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.MemberFilter;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's reads that the API does not have: members' standing, delivery per day, recent STOP/START. */
class ConsoleReadServicesTest {
    private final ServiceFixture f = new ServiceFixture();

    @Test
    void aMembersDetailSaysItsDeliveredShareWhenItRestsUntilAndItsBudget() {
        NumberPool pool = f.pool(f.alice, "details");
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(usLongCode(1), usLongCode(2),
                Numbers.usTollFree("+18005550100"))));
        Instant since = Instant.now(f.clock).minus(Duration.ofHours(5));
        PhoneNumber sick = PhoneNumber.parse(usNumber(1));
        f.store.save(f.alice.accountId(), sick, NumberHealth.UNHEALTHY, new HealthWindow("DFFF"), since);
        f.store.save(f.alice.accountId(), PhoneNumber.parse(usNumber(2)), NumberHealth.HEALTHY, new HealthWindow("DDDF"),
                since);
        SendBudgets budgets = new SendBudgets(Map.of(NumberType.LONG_CODE, 1.0, NumberType.TOLL_FREE, 20.0),
                Map.of(PhoneNumber.parse(usNumber(2)), 4.5), Optional.empty(), SendBudgets.Sharing.LOCAL, f.clock);
        ListMemberDetailsService service = new ListMemberDetailsService(f.store, f.store, f.store, budgets,
                Duration.ofHours(24));

        Map<String, MemberDetail> details = new java.util.HashMap<>();
        service.listMemberDetails(new ListNumbersQuery(f.alice, pool.id(), MemberFilter.none(), PageRequest.first(10)))
                .items().forEach(d -> details.put(d.member().number().e164(), d));

        MemberDetail resting = details.get(usNumber(1));
        assertEquals(0.25, resting.window().deliveredShare());
        assertEquals(Optional.of(since.plus(Duration.ofHours(24))), resting.restsUntil());
        assertEquals(1.0, resting.messagesPerSecond());
        MemberDetail healthy = details.get(usNumber(2));
        assertEquals(Optional.empty(), healthy.restsUntil(), "only an unhealthy number rests");
        assertEquals(4.5, healthy.messagesPerSecond(), "its own rate wins over its type's");
        MemberDetail fresh = details.get("+18005550100");
        assertEquals(HealthWindow.empty(), fresh.window());
        assertEquals(Optional.empty(), fresh.healthSince());
        assertEquals(20.0, fresh.messagesPerSecond());

        DomainException e = assertThrows(DomainException.class, () -> service.listMemberDetails(new ListNumbersQuery(
                f.bob, pool.id(), MemberFilter.none(), PageRequest.first(10))));
        assertEquals(ErrorCode.POOL_NOT_FOUND, e.code());
    }

    @Test
    void deliveryDaysCoverEveryDayUpToTodayAndOnlyTheCallersPool() {
        NumberPool pool = f.pool(f.alice, "days");
        LocalDate today = LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);
        f.store.count(pool.id(), "+14155550100", today, true);
        f.store.count(pool.id(), "+14155550100", today, false);
        f.store.count(pool.id(), "+14155550100", today.minusDays(2), true);
        f.store.count(pool.id(), "+14155550100", today.minusDays(3), true);
        PoolDeliveryDaysService service = new PoolDeliveryDaysService(f.store, f.store, f.clock);

        assertEquals(List.of(new DeliveryDay(today.minusDays(2), 1, 0), DeliveryDay.none(today.minusDays(1)),
                new DeliveryDay(today, 1, 1)), service.deliveryDays(f.alice, pool.id(), 3));
        assertEquals(30, service.deliveryDays(f.alice, pool.id(), 30).size());
        assertThrows(IllegalArgumentException.class, () -> service.deliveryDays(f.alice, pool.id(), 0));
        assertThrows(IllegalArgumentException.class, () -> service.deliveryDays(f.alice, pool.id(), 91));
        DomainException e = assertThrows(DomainException.class, () -> service.deliveryDays(f.bob, pool.id(), 3));
        assertEquals(ErrorCode.POOL_NOT_FOUND, e.code());
    }

    @Test
    void recentOptOutChangesComeNewestFirstWithHowTheyCame() {
        InMemoryEvents events = new InMemoryEvents();
        Instant t = Instant.now(f.clock);
        PhoneNumber number = PhoneNumber.parse("+12125550100");
        PoolId pool = new PoolId("pool_01JD0000000000000000000000");
        events.append(OptOutEvents.of(f.alice.accountId(), true, "pool:" + pool.value(), number, "keyword",
                Optional.of(pool), t));
        events.append(AccountEvent.of(f.alice.accountId(), EventType.MESSAGE_SENT, t, Map.of("message", Map.of())));
        events.append(OptOutEvents.of(f.alice.accountId(), false, "list:marketing", number, "api", Optional.empty(),
                t.plusSeconds(1)));
        events.append(OptOutEvents.of(f.bob.accountId(), true, "list:marketing", number, "api", Optional.empty(), t));
        RecentOptOutChangesService service = new RecentOptOutChangesService(events);

        assertEquals(List.of(
                new OptOutChange(t.plusSeconds(1), number.e164(), false, "marketing", "api", Optional.empty()),
                new OptOutChange(t, number.e164(), true, pool.value(), "keyword", Optional.of(pool.value()))),
                service.recentOptOutChanges(f.alice, 50));
        assertEquals(1, service.recentOptOutChanges(f.alice, 1).size());
        assertThrows(IllegalArgumentException.class, () -> service.recentOptOutChanges(f.alice, 201));
    }
}
