package dev.poolkeeper.adapters.providers.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

class TelnyxDialectTest {
    private static final PoolId POOL = new PoolId("pool_01JD5W3T0Q9F1S2KQ2V1C8Y9ZB");
    private static final Set<PhoneNumber> NUMBERS = Set.of(PhoneNumber.parse("+14155550100"),
            PhoneNumber.parse("+447400123456"));

    private static List<SyncOperation> plan(DesiredPart d, Optional<ObservedPart> o) {
        return SyncPlanner.plan(TelnyxDialect.CAPABILITIES, TelnyxDialect.INSTANCE, d, o);
    }

    @Test
    void aProfileEchoingWeightsAsDecimalsIsInSyncAndANewOneIsNamedAndLimitedToTheNumbersCountries() {
        DesiredPart d = new DesiredPart(POOL, "marketing", Optional.of(PoolSettings.defaults()),
                MessageType.TRANSACTIONAL, NUMBERS);
        Map<String, Object> has = Map.of("number_pool_settings", Map.of("long_code_weight", 1.0,
                "toll_free_weight", 1.0, "skip_unhealthy", false, "sticky_sender", false, "geomatch", false),
                "name", "renamed at telnyx");
        assertEquals(List.of(), plan(d, Optional.of(new ObservedPart("3fa85f64", has, NUMBERS))));
        SyncOperation create = plan(d, Optional.empty()).get(0);
        assertEquals(POOL.value(), create.settings().get("name"));
        assertEquals(List.of("GB", "US"), create.settings().get("whitelisted_destinations"));
        assertEquals(2, plan(d, Optional.empty()).stream().filter(o -> o.kind() == SyncOperation.Kind.ADD_NUMBERS)
                .count(), "one number per assignment");
    }

    @Test
    void anEmptiedProfileIsEmptiedNumberByNumberThenDeleted() {
        DesiredPart gone = new DesiredPart(POOL, "marketing", Optional.empty(), MessageType.TRANSACTIONAL, Set.of());
        assertEquals(List.of(SyncOperation.Kind.REMOVE_NUMBERS, SyncOperation.Kind.REMOVE_NUMBERS,
                SyncOperation.Kind.DELETE_POOL), plan(gone, Optional.of(new ObservedPart("3fa85f64", Map.of(),
                NUMBERS))).stream().map(SyncOperation::kind).toList());
    }

    @Test
    void importedWeightsAreRoundedAndSettingsOfTheWrongTypeAreLeftAtTheDefault() {
        PoolPatch p = TelnyxDialect.INSTANCE.imported(new PoolName("imported"), Map.of("number_pool_settings",
                Map.of("long_code_weight", 2.4, "toll_free_weight", "heavy", "geomatch", true)));
        assertEquals(Update.to(2), p.longCodeWeight());
        assertEquals(null, p.tollFreeWeight());
        assertEquals(Update.to(true), p.geomatch());
    }
}
