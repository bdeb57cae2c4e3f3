package dev.poolkeeper.application.contract;

import dev.poolkeeper.domain.number.MemberFilter;
import dev.poolkeeper.domain.pool.PoolFilter;

import static dev.poolkeeper.domain.mothers.Numbers.CAMPAIGN;
import static dev.poolkeeper.domain.mothers.Numbers.usNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the pool out-ports must do: run against the in-memory fakes and
 * against MySQL, so the fakes the service tests use cannot drift from the database.
 */
public abstract class PoolStoreContract {
    protected static final Instant NOW = Instant.parse("2026-11-23T10:15:00.123456Z");

    protected abstract PoolRepository pools();

    protected abstract PoolMemberRepository members();

    protected abstract PoolEventRepository events();

    protected abstract TransactionRunner tx();

    protected abstract NumberHealthRepository health();

    /** A new account, so that each test starts from nothing. */
    protected abstract AccountId newAccount();

    private NumberPool newPool(AccountId account, String name) {
        NumberPool pool = NumberPool.create(account, PoolPatch.named(new PoolName(name)), NOW);
        tx().run(() -> pools().insert(pool));
        return pool;
    }

    private static PoolMember member(String number, Provider provider) {
        PhoneNumber n = PhoneNumber.parse(number);
        return new PoolMember(n, provider, NumberType.derivedFrom(n), n.country(),
                NumberType.derivedFrom(n) == NumberType.LONG_CODE && n.country().equals("US") ? CAMPAIGN : null,
                false, 1, NumberHealth.UNKNOWN, NOW);
    }

    @Test
    void aStoredPoolReadsBackEqualInItsAccountOnly() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "main");
        NumberPool read = pools().find(account, pool.id()).orElseThrow();
        assertEquals(pool.snapshot(), read.snapshot());
        assertEquals(pool.createdAt(), read.createdAt());
        assertEquals(1, read.version());
        assertEquals(Optional.empty(), pools().find(newAccount(), pool.id()));
    }

    @Test
    void aPoolNameIsUniquePerAccountOnly() {
        AccountId account = newAccount();
        newPool(account, "same");
        DomainException e = assertThrows(DomainException.class, () -> newPool(account, "same"));
        assertEquals(ErrorCode.POOL_NAME_TAKEN, e.code());
        newPool(newAccount(), "same");
    }

    @Test
    void anUpdateAgainstAStaleVersionIsAConflict() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "versioned");
        NumberPool copy = pools().find(account, pool.id()).orElseThrow();
        PoolPatch geomatch = new PoolPatch(null, null, null, null, null, Update.to(true), null, null, null, null,
                null, null, null, null, null, null);
        pool.update(geomatch, NOW.plusSeconds(1));
        tx().run(() -> pools().update(pool, 1));
        assertTrue(pools().find(account, pool.id()).orElseThrow().settings().geomatch());
        copy.update(geomatch, NOW.plusSeconds(2));
        DomainException e = assertThrows(DomainException.class, () -> tx().run(() -> pools().update(copy, 1)));
        assertEquals(ErrorCode.POOL_VERSION_CONFLICT, e.code());
    }

    @Test
    void poolsPageInCreationOrderAndFilter() {
        AccountId account = newAccount();
        List<String> names = IntStream.range(0, 7).mapToObj(i -> "p" + i).toList();
        names.forEach(n -> newPool(account, n));
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<NumberPool> page = pools().list(account, PoolFilter.none(), request);
            page.items().forEach(p -> seen.add(p.name().value()));
            if (page.next().isEmpty()) {
                break;
            }
            request = PageRequest.after(3, page.next().getAsLong());
        }
        assertEquals(names, seen);
        Page<NumberPool> byName = pools().list(account, new PoolFilter(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new PoolName("p4"))), PageRequest.first(10));
        assertEquals(List.of("p4"), byName.items().stream().map(p -> p.name().value()).toList());
    }

    @Test
    void aNumberIsInAtMostOnePoolOfAnAccount() {
        AccountId account = newAccount();
        NumberPool a = newPool(account, "a");
        NumberPool b = newPool(account, "b");
        Set<PhoneNumber> refused = tx().inTransaction(() ->
                members().insert(account, a.id(), List.of(member(usNumber(1), Provider.TELNYX))));
        assertTrue(refused.isEmpty());
        Set<PhoneNumber> refusedInB = tx().inTransaction(() -> members().insert(account, b.id(),
                List.of(member(usNumber(1), Provider.TELNYX), member(usNumber(2), Provider.VONAGE))));
        assertEquals(Set.of(PhoneNumber.parse(usNumber(1))), refusedInB);
        assertEquals(1, members().count(b.id()), "the other number of the call was inserted");
        assertEquals(Map.of(PhoneNumber.parse(usNumber(1)), a.id(), PhoneNumber.parse(usNumber(2)), b.id()),
                members().findPools(account, List.of(PhoneNumber.parse(usNumber(1)), PhoneNumber.parse(usNumber(2)),
                        PhoneNumber.parse(usNumber(3)))));
        AccountId other = newAccount();
        NumberPool c = newPool(other, "c");
        assertTrue(tx().inTransaction(() ->
                members().insert(other, c.id(), List.of(member(usNumber(1), Provider.TELNYX)))).isEmpty());
    }

    @Test
    void membersReadBackWithTheirCampaignProvidersAndCounts() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "m");
        tx().run(() -> members().insert(account, pool.id(), List.of(member(usNumber(1), Provider.TELNYX),
                member("+18005550100", Provider.VONAGE), member("+447400123456", Provider.PINPOINT))));
        PoolMember read = members().find(pool.id(), PhoneNumber.parse(usNumber(1))).orElseThrow();
        assertEquals(member(usNumber(1), Provider.TELNYX), read);
        assertEquals(Optional.of(CAMPAIGN), members().usLongCodeCampaign(pool.id()));
        assertEquals(3, members().count(pool.id()));
        assertEquals(EnumSet.of(Provider.TELNYX, Provider.VONAGE, Provider.PINPOINT), members().providers(pool.id()));
        assertEquals(3, members().countNotTwoWayCapable(pool.id()));
        assertEquals(Optional.empty(), members().usLongCodeCampaignExcept(pool.id(), PhoneNumber.parse(usNumber(1))),
                "the pool's only US long code");
        PoolMember heavier = new PoolMember(read.number(), read.provider(), read.type(), read.country(),
                read.campaignId(), read.twoWayCapable(), 7, read.health(), read.addedAt());
        tx().run(() -> members().update(pool.id(), heavier));
        assertEquals(heavier, members().find(pool.id(), read.number()).orElseThrow());
        assertEquals(java.util.Set.of(read.number()), members().findAll(pool.id(), List.of(read.number(),
                PhoneNumber.parse(usNumber(9)))).keySet());
        assertEquals(2, members().notTwoWayCapable(pool.id(), 2).size(), "at most the limit");
        assertEquals(3, members().notTwoWayCapable(pool.id(), 10).size());
        assertEquals(1, tx().inTransaction(() -> members().delete(pool.id(), List.of(PhoneNumber.parse(usNumber(1)),
                PhoneNumber.parse(usNumber(9))))));
        assertEquals(Optional.empty(), members().usLongCodeCampaign(pool.id()));
        assertEquals(EnumSet.of(Provider.VONAGE, Provider.PINPOINT), members().providers(pool.id()));
    }

    @Test
    void membersPageOnceEachAndFilter() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "paged");
        List<PoolMember> all = IntStream.range(0, 25).mapToObj(i -> member(usNumber(i), Provider.TELNYX)).toList();
        tx().run(() -> members().insert(account, pool.id(), all));
        tx().run(() -> members().insert(account, pool.id(), List.of(member("+18005550100", Provider.VONAGE))));
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(10);
        while (true) {
            Page<PoolMember> page = members().list(pool.id(), MemberFilter.none(), request);
            page.items().forEach(m -> seen.add(m.number().e164()));
            if (page.next().isEmpty()) {
                break;
            }
            request = PageRequest.after(10, page.next().getAsLong());
        }
        assertEquals(26, seen.size());
        assertEquals(26, Set.copyOf(seen).size());
        Page<PoolMember> tollFree = members().list(pool.id(), new MemberFilter(Optional.of("US"),
                Optional.empty(), Optional.of(NumberType.TOLL_FREE), Optional.empty()), PageRequest.first(50));
        assertEquals(List.of("+18005550100"), tollFree.items().stream().map(m -> m.number().e164()).toList());
        assertFalse(tollFree.next().isPresent());
    }

    @Test
    void eventsListInOrderPerPool() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "evented");
        Instant at = NOW.truncatedTo(ChronoUnit.MICROS);
        tx().run(() -> {
            events().append(PoolEvent.of(pool, PoolEventType.POOL_CREATED, "key_1", at, null, pool.snapshot()));
            events().append(PoolEvent.of(pool, PoolEventType.NUMBERS_ADDED, "key_1", at.plusSeconds(1), null,
                    Map.of("numbers", List.of(usNumber(1)))));
        });
        Page<PoolEvent> page = events().list(pool.id(), PageRequest.first(1));
        assertEquals(PoolEventType.POOL_CREATED, page.items().get(0).type());
        assertEquals(pool.snapshot(), page.items().get(0).after());
        Page<PoolEvent> second = events().list(pool.id(), PageRequest.after(1, page.next().getAsLong()));
        assertEquals(PoolEventType.NUMBERS_ADDED, second.items().get(0).type());
        assertEquals(Map.of("numbers", List.of(usNumber(1))), second.items().get(0).after());
        assertEquals(at.plusSeconds(1), second.items().get(0).occurredAt());
    }

    @Test
    void eventsAreFilteredByTypeAndTimeInEitherOrderAndOnlyForTheirAccount() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "queried");
        Instant at = NOW.truncatedTo(ChronoUnit.MICROS);
        tx().run(() -> {
            events().append(PoolEvent.of(pool, PoolEventType.POOL_CREATED, "key_1", at, null, pool.snapshot()));
            events().append(PoolEvent.of(pool, PoolEventType.NUMBERS_ADDED, "key_1", at.plusSeconds(10), null,
                    Map.of("numbers", List.of(usNumber(1)))));
            events().append(PoolEvent.of(pool, PoolEventType.POOL_UPDATED, "key_1", at.plusSeconds(20), Map.of(),
                    Map.of()));
            events().append(PoolEvent.of(pool, PoolEventType.NUMBERS_ADDED, "key_1", at.plusSeconds(30), null,
                    Map.of("numbers", List.of(usNumber(2)))));
        });
        PoolEventQuery added = new PoolEventQuery(Set.of(PoolEventType.NUMBERS_ADDED), Optional.empty(),
                Optional.empty(), false);
        assertEquals(List.of(at.plusSeconds(10), at.plusSeconds(30)), events().list(account, pool.id(), added,
                PageRequest.first(10)).items().stream().map(PoolEvent::occurredAt).toList());
        PoolEventQuery window = new PoolEventQuery(Set.of(), Optional.of(at.plusSeconds(10)),
                Optional.of(at.plusSeconds(30)), true);
        Page<PoolEvent> newest = events().list(account, pool.id(), window, PageRequest.first(1));
        assertEquals(PoolEventType.POOL_UPDATED, newest.items().get(0).type(), "newest first, to is exclusive");
        Page<PoolEvent> older = events().list(account, pool.id(), window,
                PageRequest.after(1, newest.next().getAsLong()));
        assertEquals(List.of(PoolEventType.NUMBERS_ADDED), older.items().stream().map(PoolEvent::type).toList());
        assertTrue(older.next().isEmpty(), "from is inclusive, and nothing is older in the window");
        assertTrue(events().hasEvents(account, pool.id()));
        AccountId other = newAccount();
        assertFalse(events().hasEvents(other, pool.id()));
        assertEquals(List.of(), events().list(other, pool.id(), PoolEventQuery.all(), PageRequest.first(10)).items());
    }

    @Test
    void healthKeepsItsWindowAndSinceWhenItHoldsAndAReAddedNumberStartsAfresh() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "health");
        PhoneNumber number = PhoneNumber.parse(usNumber(3));
        tx().run(() -> members().insert(account, pool.id(), List.of(member(usNumber(3), Provider.TELNYX))));
        NumberHealthRepository.State fresh = tx().inTransaction(() -> health().lock(account, number)).orElseThrow();
        assertEquals(new NumberHealthRepository.State(pool.id(), NumberHealth.UNKNOWN, HealthWindow.empty()), fresh);
        assertEquals(Optional.empty(), tx().inTransaction(() -> health().lock(newAccount(), number)));

        Instant since = NOW.truncatedTo(ChronoUnit.MICROS);
        tx().run(() -> health().save(account, number, NumberHealth.UNHEALTHY, new HealthWindow("FFFD"), since));
        tx().run(() -> health().save(account, number, NumberHealth.UNHEALTHY, new HealthWindow("FFFDF"),
                since.plusSeconds(60)));
        assertEquals(new NumberHealthRepository.State(pool.id(), NumberHealth.UNHEALTHY, new HealthWindow("FFFDF")),
                tx().inTransaction(() -> health().lock(account, number)).orElseThrow());
        NumberHealthRepository.Rested rested = new NumberHealthRepository.Rested(account, pool.id(), number);
        assertFalse(restedOf(account, since.minusNanos(1000)).contains(rested), "unhealthy only since " + since);
        assertEquals(List.of(rested), restedOf(account, since), "a save that keeps the health keeps its since");

        tx().run(() -> health().save(account, number, NumberHealth.UNKNOWN, HealthWindow.empty(), since.plusSeconds(90)));
        assertEquals(List.of(), restedOf(account, since.plusSeconds(3600)), "no longer unhealthy");

        tx().run(() -> health().save(account, number, NumberHealth.UNHEALTHY, new HealthWindow("FFFF"), since));
        tx().run(() -> members().delete(pool.id(), List.of(number)));
        tx().run(() -> members().insert(account, pool.id(), List.of(member(usNumber(3), Provider.TELNYX))));
        assertEquals(fresh, tx().inTransaction(() -> health().lock(account, number)).orElseThrow());
        assertEquals(List.of(), restedOf(account, since.plusSeconds(3600)));
    }

    private List<NumberHealthRepository.Rested> restedOf(AccountId account, Instant cutoff) {
        return tx().inTransaction(() -> health().lockRested(cutoff, 10_000)).stream()
                .filter(r -> r.accountId().equals(account)).toList();
    }

    @Test
    void updatedAtMovesAtEveryTouchEvenWithinOneClockTick() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "ticking");
        Instant created = pools().find(account, pool.id()).orElseThrow().updatedAt();
        tx().run(() -> pools().touch(account, pool.id(), created));
        Instant first = pools().find(account, pool.id()).orElseThrow().updatedAt();
        tx().run(() -> pools().touch(account, pool.id(), created));
        Instant second = pools().find(account, pool.id()).orElseThrow().updatedAt();
        assertTrue(created.isBefore(first) && first.isBefore(second), created + " " + first + " " + second);
        tx().run(() -> pools().touch(account, pool.id(), created.plusSeconds(5)));
        assertEquals(created.plusSeconds(5), pools().find(account, pool.id()).orElseThrow().updatedAt());
    }

    @Test
    void aPoolsStampIsItsRowsAndChangesWithItsSettingsMembersAndHealthInItsAccountOnly() {
        AccountId account = newAccount();
        NumberPool pool = newPool(account, "stamped");
        PoolRepository.Stamp created = pools().stamp(account, pool.id()).orElseThrow();
        assertEquals(PoolRepository.Stamp.of(pools().find(account, pool.id()).orElseThrow()), created);
        assertEquals(Optional.empty(), pools().stamp(newAccount(), pool.id()), "another account's pool");

        PoolPatch geomatch = new PoolPatch(null, null, null, null, null, Update.to(true), null, null, null, null,
                null, null, null, null, null, null);
        pool.update(geomatch, created.updatedAt());
        tx().run(() -> pools().update(pool, created.version()));
        PoolRepository.Stamp updated = pools().stamp(account, pool.id()).orElseThrow();
        assertNotEquals(created, updated, "a settings change, even at the same instant");

        tx().run(() -> pools().touch(account, pool.id(), updated.updatedAt()));
        PoolRepository.Stamp touched = pools().stamp(account, pool.id()).orElseThrow();
        assertNotEquals(updated, touched, "a member's health change, even at the same instant");
        assertEquals(PoolRepository.Stamp.of(pools().find(account, pool.id()).orElseThrow()), touched);

        tx().run(() -> pools().delete(pools().find(account, pool.id()).orElseThrow()));
        assertEquals(Optional.empty(), pools().stamp(account, pool.id()));
    }
}
