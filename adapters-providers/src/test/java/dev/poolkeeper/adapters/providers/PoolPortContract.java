package dev.poolkeeper.adapters.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.sync.DesiredPart;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.SyncOperation;
import dev.poolkeeper.domain.sync.SyncPlanner;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every provider's pool port does, whatever its wire format: driven by the same planner the sync engine
 * uses, against the provider's stateful stub. A pool planned, applied and read back plans nothing more; a
 * change converges the same way; a retired pool is gone; the port reads every page; refusals and failures come
 * back in the one failure vocabulary. A subclass says how to reach its provider's stub and how that stub is
 * made to hold numbers and to fail.
 */
public abstract class PoolPortContract {
    /** More numbers than any provider's first page holds (Vonage 10 by default, Telnyx 20, AWS 100 at most). */
    protected static final int MANY = 130;
    private static final int ATTEMPTS = 20;

    /** The settings every provider can mirror, each different from Poolkeeper's defaults. */
    private static final PoolSettings CHANGED = new PoolSettings(Fallback.REJECT, null, true, true, true, 30, 2, 3,
            true, false, true, null, false, false);

    private final PoolId poolId = PoolId.newId(Instant.parse("2026-12-03T10:00:00Z"));

    /** The provider's pool port, calling its stub with the right credentials. */
    protected abstract ProviderPoolPort port();

    /** Makes the provider account hold these numbers, for a stub that holds none until told. */
    protected void hold(Set<PhoneNumber> numbers) {
    }

    /**
     * Makes sure the provider account does not hold this number; false for a provider that takes any number
     * into a pool (the sandbox).
     */
    protected abstract boolean disown(PhoneNumber number);

    /**
     * The provider's wire, where faults are planted; empty for a provider that calls nobody (the sandbox),
     * whose fault tests are skipped.
     */
    protected abstract Optional<Wire> wire();

    /**
     * A provider reached over HTTP, and how it answers when it fails.
     *
     * @param stub                     where faults are planted
     * @param portWithWrongCredentials the port with credentials the provider does not know
     * @param throttled                the provider asking to slow down, in its own words (status, headers)
     * @param unavailable              the provider failing (5xx), in its own words
     */
    public record Wire(WireMockServer stub, Supplier<ProviderPoolPort> portWithWrongCredentials,
                       ResponseDefinitionBuilder throttled, ResponseDefinitionBuilder unavailable) {
    }

    private static Set<PhoneNumber> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> PhoneNumber.parse(Numbers.usNumber(7000 + i)))
                .collect(Collectors.toSet());
    }

    private DesiredPart desired(PoolSettings settings, Set<PhoneNumber> numbers, Set<PhoneNumber> optedOut) {
        return new DesiredPart(poolId, "contract", Optional.of(settings), MessageType.TRANSACTIONAL, numbers,
                port().capabilities().mirrorsOptOutList() ? optedOut : Set.of());
    }

    private List<SyncOperation> plan(ProviderPoolPort port, DesiredPart desired, Optional<ObservedPart> observed) {
        return SyncPlanner.plan(port.capabilities(), port.dialect(), desired, observed);
    }

    /** Reads the part, as the sync engine does before it plans, retrying what the provider says may work later. */
    private Optional<ObservedPart> read(ProviderPoolPort port, PartRef part) {
        return retrying(() -> port.read(part));
    }

    /** Plans, applies every operation (retrying the retryable, as the sync worker does) and returns the part. */
    private PartRef converge(ProviderPoolPort port, PartRef part, DesiredPart desired) {
        PartRef current = part;
        for (SyncOperation op : plan(port, desired, read(port, current))) {
            PartRef target = current;
            ProviderPoolPort.Applied applied = retrying(() -> port.apply(target, op));
            assertTrue(applied.refused().isEmpty(), () -> op.kind() + " refused " + applied.refused());
            if (applied.providerPoolId().isPresent()) {
                current = new PartRef(poolId, applied.providerPoolId());
            }
        }
        return current;
    }

    private static <T> T retrying(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ProviderSyncException e) {
                if (!e.retryable() || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private PartRef created(ProviderPoolPort port, DesiredPart desired) {
        hold(desired.numbers());
        PartRef part = converge(port, new PartRef(poolId, Optional.empty()), desired);
        assertTrue(part.providerPoolId().isPresent(), "a created pool has the provider's id");
        return part;
    }

    @Test
    void aPoolTheProviderDoesNotHoldReadsAsEmpty() {
        assertEquals(Optional.empty(), read(port(), new PartRef(poolId, Optional.empty())));
    }

    @Test
    void aNewPoolIsCreatedFilledAndThenPlansNothing() {
        ProviderPoolPort port = port();
        DesiredPart desired = desired(PoolSettings.defaults(), numbers(0, 3), numbers(500, 502));
        PartRef part = created(port, desired);

        ObservedPart observed = read(port, part).orElseThrow();
        assertEquals(part.providerPoolId().get(), observed.providerPoolId());
        assertEquals(desired.numbers(), observed.numbers());
        assertEquals(desired.optedOut(), observed.optedOut());
        assertTrue(port.isPoolId(observed.providerPoolId()), observed.providerPoolId());
        assertEquals(List.of(), plan(port, desired, Optional.of(observed)));
    }

    @Test
    void changedSettingsAndMembersConvergeAndThenPlanNothing() {
        ProviderPoolPort port = port();
        PartRef part = created(port, desired(PoolSettings.defaults(), numbers(0, 4), numbers(500, 502)));
        assertFalse(port.dialect().matches(port.dialect().settings(desired(CHANGED, Set.of(), Set.of())),
                port.dialect().settings(desired(PoolSettings.defaults(), Set.of(), Set.of()))),
                "the changed settings are visible to the provider");

        DesiredPart changed = desired(CHANGED, numbers(2, 7), numbers(501, 504));
        hold(changed.numbers());
        converge(port, part, changed);

        ObservedPart observed = read(port, part).orElseThrow();
        assertEquals(changed.numbers(), observed.numbers());
        assertEquals(changed.optedOut(), observed.optedOut());
        assertTrue(port.dialect().matches(port.dialect().settings(changed), observed.settings()), observed::toString);
        assertEquals(List.of(), plan(port, changed, Optional.of(observed)));
    }

    @Test
    void aReadFollowsEveryPage() {
        ProviderPoolPort port = port();
        DesiredPart desired = desired(PoolSettings.defaults(), numbers(0, MANY), Set.of());
        PartRef part = created(port, desired);

        assertEquals(desired.numbers(), read(port, part).orElseThrow().numbers());
    }

    @Test
    void anImportedPoolPlansNoSettingsChange() {
        ProviderPoolPort port = port();
        PartRef part = created(port, desired(CHANGED, numbers(0, 2), Set.of()));
        ObservedPart observed = read(port, part).orElseThrow();

        PoolSettings imported = PoolSettings.defaults().apply(port.dialect().imported(new PoolName("imported"),
                observed.settings()));
        DesiredPart adopted = new DesiredPart(poolId, "imported", Optional.of(imported), MessageType.TRANSACTIONAL,
                observed.numbers(), observed.optedOut());
        assertTrue(plan(port, adopted, Optional.of(observed)).stream()
                .noneMatch(op -> op.kind() == SyncOperation.Kind.UPDATE_POOL), "an import adopts the provider's settings");
    }

    @Test
    void aRetiredPoolIsDeleted() {
        ProviderPoolPort port = port();
        PartRef part = created(port, desired(PoolSettings.defaults(), numbers(0, 3), Set.of()));

        DesiredPart gone = new DesiredPart(poolId, "contract", Optional.empty(), MessageType.TRANSACTIONAL, Set.of());
        converge(port, part, gone);

        assertEquals(Optional.empty(), read(port, part));
    }

    @Test
    void aNumberTheAccountDoesNotHoldIsRefusedByNameAndTheOthersAreAdded() {
        ProviderPoolPort port = port();
        PartRef part = created(port, desired(PoolSettings.defaults(), numbers(0, 2), Set.of()));
        Set<PhoneNumber> held = numbers(2, 4);
        hold(held);
        PhoneNumber stranger = PhoneNumber.parse(Numbers.usNumber(7999));
        assumeTrue(disown(stranger), port.provider() + " takes any number");
        Set<PhoneNumber> asked = new HashSet<>(held);
        asked.add(stranger);

        Set<PhoneNumber> refused = new HashSet<>();
        Set<PhoneNumber> failed = new HashSet<>();
        for (SyncOperation op : plan(port, desired(PoolSettings.defaults(), union(numbers(0, 2), asked), Set.of()),
                read(port, part))) {
            try {
                refused.addAll(retrying(() -> port.apply(part, op)).refused());
            } catch (ProviderSyncException e) {
                assertFalse(e.retryable(), e::getMessage);
                failed.addAll(op.numbers());
            }
        }

        assertEquals(Set.of(stranger), union(refused, failed), "only the stranger is refused");
        assertEquals(union(numbers(0, 2), held), read(port, part).orElseThrow().numbers());
    }

    private static Set<PhoneNumber> union(Set<PhoneNumber> a, Set<PhoneNumber> b) {
        Set<PhoneNumber> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private Wire wired() {
        Optional<Wire> wire = wire();
        assumeTrue(wire.isPresent(), port().provider() + " calls nobody: it has no wire faults");
        return wire.get();
    }

    /** An id of the provider's shape, of a pool that exists, so that a read calls the provider. */
    private String knownPool() {
        return created(port(), desired(PoolSettings.defaults(), numbers(0, 1), Set.of())).providerPoolId().get();
    }

    private ProviderSyncException failureWith(ResponseDefinitionBuilder answer) {
        Wire wire = wired();
        String id = knownPool();
        wire.stub().stubFor(any(anyUrl()).atPriority(1).willReturn(answer));
        return assertThrows(ProviderSyncException.class, () -> port().read(new PartRef(poolId, Optional.of(id))));
    }

    @Test
    void refusedCredentialsAreUnauthorizedAndNotRetried() {
        Wire wire = wired();
        String id = knownPool();
        ProviderSyncException e = assertThrows(ProviderSyncException.class,
                () -> wire.portWithWrongCredentials().get().read(new PartRef(poolId, Optional.of(id))));
        assertEquals(ProviderFailure.UNAUTHORIZED, e.failure(), e::getMessage);
        assertFalse(e.retryable());
    }

    @Test
    void aThrottledCallIsRetryable() {
        ProviderSyncException e = failureWith(wired().throttled());
        assertEquals(ProviderFailure.THROTTLED, e.failure(), e::getMessage);
        assertTrue(e.retryable());
    }

    @Test
    void aFailingProviderIsRetryable() {
        ProviderSyncException e = failureWith(wired().unavailable());
        assertEquals(ProviderFailure.UNAVAILABLE, e.failure(), e::getMessage);
        assertTrue(e.retryable());
    }

    @Test
    void aResetConnectionIsRetryable() {
        ProviderSyncException e = failureWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertTrue(e.retryable(), e::getMessage);
    }
}
