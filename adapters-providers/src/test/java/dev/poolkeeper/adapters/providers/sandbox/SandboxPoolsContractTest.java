package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.adapters.providers.PoolPortContract;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.number.PhoneNumber;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The built-in sandbox's pools, held in memory: they behave like a provider's, with no wire to fault. */
class SandboxPoolsContractTest extends PoolPortContract {
    private final SandboxPools pools = new SandboxPools(new SandboxNetwork(true, "", Duration.ofSeconds(1),
            JsonMapper.createDefault(), Clock.systemUTC()));

    @Override
    protected ProviderPoolPort port() {
        return pools;
    }

    @Override
    protected boolean disown(PhoneNumber number) {
        return false;
    }

    @Override
    protected Optional<Wire> wire() {
        return Optional.empty();
    }
}
