package dev.poolkeeper.application.service;

import static dev.poolkeeper.domain.mothers.Numbers.usLongCode;
import static dev.poolkeeper.domain.mothers.Numbers.usNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.in.number.AddNumbersCommand;
import dev.poolkeeper.application.port.in.number.RemoveNumbersCommand;
import dev.poolkeeper.application.service.pool.ListPoolEventsService;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.MemberOutcome;
import dev.poolkeeper.domain.pool.MemberOutcome.Status;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumberServicesTest {
    private final ServiceFixture f = new ServiceFixture();

    @Test
    void fiftyOneNumbersAreRefusedAndNothingChanges() {
        NumberPool pool = f.pool(f.alice, "big");
        List<MemberRequest> items = IntStream.range(0, 51).mapToObj(Numbers::usLongCode).toList();
        DomainException e = assertThrows(DomainException.class,
                () -> f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), items)));
        assertEquals(ErrorCode.NUMBERS_LIMIT_EXCEEDED, e.code());
        assertEquals(0, f.store.count(pool.id()));
    }

    @Test
    void aMixedBatchAddsTheGoodOnesUpdatesTheSummaryAndRecordsOneEvent() {
        NumberPool pool = f.pool(f.alice, "mixed");
        List<MemberOutcome> outcomes = f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(
                usLongCode(1), usLongCode("garbage", Numbers.CAMPAIGN), Numbers.usTollFree("+18005550100"),
                usLongCode(1))));
        assertEquals(List.of(Status.ADDED, Status.FAILED, Status.ADDED, Status.ALREADY_PRESENT),
                outcomes.stream().map(MemberOutcome::status).toList());
        NumberPool read = f.store.find(f.alice.accountId(), pool.id()).orElseThrow();
        assertEquals(2, read.numberCount());
        assertEquals(Set.of(Provider.TELNYX, Provider.VONAGE), read.providers());
        var events = new ListPoolEventsService(f.store, f.store).listPoolEvents(f.alice, pool.id(), dev.poolkeeper.domain.pool.PoolEventQuery.all(),
                PageRequest.first(10)).items();
        assertEquals(List.of(PoolEventType.POOL_CREATED, PoolEventType.NUMBERS_ADDED),
                events.stream().map(e -> e.type()).toList());
        assertEquals("key_alice", events.get(1).actor());
    }

    @Test
    void anotherAccountsPoolIsNotFound() {
        NumberPool pool = f.pool(f.alice, "private");
        DomainException e = assertThrows(DomainException.class, () -> f.addNumbers.addNumbers(
                new AddNumbersCommand(f.bob, pool.id(), List.of(usLongCode(1)))));
        assertEquals(ErrorCode.POOL_NOT_FOUND, e.code());
    }

    @Test
    void aNumberInOnePoolIsRefusedByAnotherUntilItIsRemoved() {
        NumberPool a = f.pool(f.alice, "a");
        NumberPool b = f.pool(f.alice, "b");
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, a.id(), List.of(usLongCode(1))));
        MemberOutcome refused = f.addNumbers.addNumbers(
                new AddNumbersCommand(f.alice, b.id(), List.of(usLongCode(1)))).get(0);
        assertEquals(ErrorCode.NUMBER_IN_OTHER_POOL, refused.code());
        List<MemberOutcome> removed = f.removeNumbers.removeNumbers(
                new RemoveNumbersCommand(f.alice, a.id(), List.of(usNumber(1), usNumber(2))));
        assertEquals(List.of(Status.REMOVED, Status.NOT_FOUND), removed.stream().map(MemberOutcome::status).toList());
        assertEquals(0, f.store.find(f.alice.accountId(), a.id()).orElseThrow().numberCount());
        MemberOutcome added = f.addNumbers.addNumbers(
                new AddNumbersCommand(f.alice, b.id(), List.of(usLongCode(1)))).get(0);
        assertEquals(Status.ADDED, added.status());
        assertTrue(f.store.numbersOf(b.id()).contains(usNumber(1)));
    }

    @Test
    void theCampaignOfExistingMembersBindsLaterCalls() {
        NumberPool pool = f.pool(f.alice, "tendlc");
        f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(), List.of(usLongCode(1))));
        MemberOutcome o = f.addNumbers.addNumbers(new AddNumbersCommand(f.alice, pool.id(),
                List.of(usLongCode(usNumber(2), Numbers.OTHER_CAMPAIGN)))).get(0);
        assertEquals(ErrorCode.NUMBER_CAMPAIGN_MISMATCH, o.code());
    }
}
