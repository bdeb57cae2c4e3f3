package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sticky mappings and opt-outs in memory. */
public class InMemorySelectionState implements StickySenderRepository, OptOutRepository {
    private final Map<String, StickyMapping> mappings = new HashMap<>();
    private final Set<String> optedOut = new HashSet<>();

    private static String key(PoolId pool, PhoneNumber recipient) {
        return pool + "/" + recipient.e164();
    }

    public synchronized void optOut(AccountId account, String listKey, PhoneNumber number) {
        optedOut.add(account + "/" + listKey + "/" + number.e164());
    }

    @Override
    public synchronized boolean isOptedOut(AccountId accountId, String listKey, PhoneNumber number) {
        return optedOut.contains(accountId + "/" + listKey + "/" + number.e164());
    }

    @Override
    public synchronized Optional<StickyMapping> find(PoolId poolId, PhoneNumber recipient) {
        return Optional.ofNullable(mappings.get(key(poolId, recipient)));
    }

    @Override
    public synchronized StickyMapping insertIfAbsent(PoolId poolId, StickyMapping mapping) {
        return mappings.computeIfAbsent(key(poolId, mapping.recipient()), k -> mapping);
    }

    @Override
    public synchronized void put(PoolId poolId, StickyMapping mapping) {
        mappings.put(key(poolId, mapping.recipient()), mapping);
    }

    @Override
    public synchronized void touch(PoolId poolId, PhoneNumber recipient, Instant at) {
        mappings.computeIfPresent(key(poolId, recipient),
                (k, m) -> new StickyMapping(m.recipient(), m.sender(), m.createdAt(), at));
    }

    @Override
    public synchronized boolean delete(PoolId poolId, PhoneNumber recipient) {
        return mappings.remove(key(poolId, recipient)) != null;
    }
}
