package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import dev.poolkeeper.domain.sync.SyncOperation;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sandbox's pool API: pools {@code sbx-<pool id>} held in {@link SandboxNetwork}, read and written
 * like a provider's, so plan, apply, drift repair and import can be seen without a provider account.
 */
@Singleton
final class SandboxPools extends VendorPort implements ProviderPoolPort {
    private static final Pattern POOL_ID = Pattern.compile("sbx-[a-z0-9_]{1,100}");

    private final SandboxNetwork network;

    SandboxPools(SandboxNetwork network) {
        super(Provider.SANDBOX, SandboxDialect.CAPABILITIES, network.enabled());
        this.network = network;
    }

    @Override
    public PoolDialect dialect() {
        return SandboxDialect.INSTANCE;
    }

    @Override
    public boolean isPoolId(String id) {
        return POOL_ID.matcher(id).matches();
    }

    @Override
    public String poolIdShape() {
        return "sbx- and 1 to 100 of a-z, 0-9 and _";
    }

    private static String id(PartRef part) {
        return part.providerPoolId().orElse("sbx-" + part.poolId().value().toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<ObservedPart> read(PartRef part) {
        SandboxNetwork.RemotePool pool = network.pools.get(id(part));
        return pool == null ? Optional.empty()
                : Optional.of(new ObservedPart(id(part), pool.settings(), pool.numbers()));
    }

    @Override
    public Applied apply(PartRef part, SyncOperation op) {
        String id = id(part);
        switch (op.kind()) {
            case CREATE_POOL -> {
                SandboxNetwork.RemotePool pool = new SandboxNetwork.RemotePool(part.poolId().value(),
                        new ConcurrentHashMap<>(op.settings()), ConcurrentHashMap.newKeySet());
                pool.numbers().addAll(op.numbers());
                network.pools.put(id, pool);
                return Applied.created(id);
            }
            case UPDATE_POOL -> existing(id).settings().putAll(new LinkedHashMap<>(op.settings()));
            case ADD_NUMBERS -> existing(id).numbers().addAll(op.numbers());
            case REMOVE_NUMBERS -> existing(id).numbers().removeAll(op.numbers());
            case DELETE_POOL -> network.pools.remove(id);
            default -> throw ProviderSyncException.refused("sandbox.unsupported",
                    "the sandbox has no " + op.kind().wireName());
        }
        return Applied.done();
    }

    private SandboxNetwork.RemotePool existing(String id) {
        SandboxNetwork.RemotePool pool = network.pools.get(id);
        if (pool == null) {
            throw new ProviderSyncException(ProviderFailure.NOT_FOUND, "sandbox.not_found", "no sandbox pool " + id,
                    Optional.empty());
        }
        return pool;
    }
}
