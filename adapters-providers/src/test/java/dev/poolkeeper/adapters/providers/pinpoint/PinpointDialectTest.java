package dev.poolkeeper.adapters.providers.pinpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.number.PhoneNumber;
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
import org.junit.jupiter.api.Test;

class PinpointDialectTest {
    private static final PoolId POOL = new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB");
    private static final Set<PhoneNumber> NUMBERS = Set.of(PhoneNumber.parse("+14155550100"),
            PhoneNumber.parse("+14155550101"));

    @Test
    void aPoolIsCreatedWithItsFirstNumberItsMessageTypeAndItsOwnOptOutListCreatedFirst() {
        DesiredPart d = new DesiredPart(POOL, "marketing", Optional.of(PoolSettings.defaults()),
                MessageType.PROMOTIONAL, NUMBERS, Set.of(PhoneNumber.parse("+14155550199")));
        List<SyncOperation> plan = SyncPlanner.plan(PinpointDialect.CAPABILITIES, PinpointDialect.INSTANCE, d,
                Optional.empty());
        assertEquals(List.of(SyncOperation.Kind.CREATE_OPT_OUT_LIST, SyncOperation.Kind.CREATE_POOL,
                SyncOperation.Kind.ADD_NUMBERS, SyncOperation.Kind.OPT_OUT_NUMBERS),
                plan.stream().map(SyncOperation::kind).toList());
        assertEquals(Map.of("OptOutListName", "poolkeeper-" + POOL.value()), plan.get(0).settings());
        assertEquals("PROMOTIONAL", plan.get(1).settings().get("MessageType"));
        assertEquals(1, plan.get(1).numbers().size());
    }

    @Test
    void deletionProtectionAndTheNamedListAreReadFromWhatAwsHolds() {
        ObservedPart o = new ObservedPart("pool-abc", Map.of("DeletionProtectionEnabled", true, "OptOutListName",
                "marketing"), NUMBERS);
        assertTrue(PinpointDialect.INSTANCE.deletionProtected(o));
        assertEquals(Optional.of("marketing"), PinpointDialect.INSTANCE.optOutList(o));
    }

    @Test
    void anImportedPoolKeepsItsMessageTypeAndSwitches() {
        PoolPatch p = PinpointDialect.INSTANCE.imported(new PoolName("imported"), Map.of("MessageType", "PROMOTIONAL",
                "TwoWayEnabled", true, "DeletionProtectionEnabled", true, "OptOutListName", "Default"));
        assertEquals(Update.to(MessageType.PROMOTIONAL), p.messageType());
        assertEquals(Update.to(true), p.twoWayEnabled());
        assertEquals(Update.to(true), p.deletionProtectionEnabled());
        assertEquals(null, p.optOutListName(), "a list must exist in Poolkeeper before a pool names it");
    }
}
