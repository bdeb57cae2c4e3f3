package dev.poolkeeper.adapters.providers.vonage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolkeeper.domain.mothers.Numbers;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.pool.Update;
import dev.poolkeeper.domain.sync.DesiredPart;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.SyncOperation;
import dev.poolkeeper.domain.sync.SyncPlanner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VonageDialectTest {
    private static final PoolId POOL = new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB");

    private static Set<PhoneNumber> numbers(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> PhoneNumber.parse(Numbers.usNumber(i))).collect(Collectors.toSet());
    }

    @Test
    void aNewPoolOf120NumbersIsCreatedInVonageWordsAndFilled50ACall() {
        DesiredPart d = new DesiredPart(POOL, "marketing", Optional.of(PoolSettings.defaults()),
                MessageType.TRANSACTIONAL, numbers(0, 120));
        List<SyncOperation> plan = SyncPlanner.plan(VonageDialect.CAPABILITIES, VonageDialect.INSTANCE, d,
                Optional.empty());
        assertEquals(List.of(50, 50, 20), plan.subList(1, 4).stream().map(o -> o.numbers().size()).toList());
        assertEquals(Map.of("fallback", "Pool", "localized_sender_preferred", false,
                "predictable_sender_preferred", false), plan.get(0).settings());
        ObservedPart rejecting = new ObservedPart("x", Map.of("fallback", "Reject", "localized_sender_preferred",
                false, "predictable_sender_preferred", false), numbers(0, 120));
        assertEquals(List.of(SyncOperation.Kind.UPDATE_POOL), SyncPlanner.plan(VonageDialect.CAPABILITIES,
                VonageDialect.INSTANCE, d, Optional.of(rejecting)).stream().map(SyncOperation::kind).toList());
    }

    @Test
    void anImportedPoolKeepsRejectAndStickyAndTurnsCustomFromIntoPool() {
        PoolPatch p = VonageDialect.INSTANCE.imported(new PoolName("imported"), Map.of("fallback", "Reject",
                "predictable_sender_preferred", true));
        assertEquals(Update.to(Fallback.REJECT), p.fallback());
        assertEquals(Update.to(true), p.stickySender());
        assertEquals(Update.to(Fallback.POOL), VonageDialect.INSTANCE.imported(new PoolName("imported"),
                Map.of("fallback", "CustomFrom")).fallback());
    }
}
