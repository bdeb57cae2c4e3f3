package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.selection.StickyMapping;
import java.time.Instant;
import java.util.HashMap;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sticky mappings and opt-outs in memory. */
public class InMemorySelectionState implements StickySenderRepository, OptOutRepository {
    private final Map<String, StickyMapping> mappings = new HashMap<>();
    private final Map<String, OptedOutNumber> optedOut = new java.util.LinkedHashMap<>();

    private static String key(PoolId pool, PhoneNumber recipient) {
        return pool + "/" + recipient.e164();
    }

    private static String optOutKey(AccountId account, String listKey, PhoneNumber number) {
        return account + "/" + listKey + "/" + number.e164();
    }

    public void optOut(AccountId account, String listKey, PhoneNumber number) {
        optOut(account, listKey, number, Instant.EPOCH);
    }

    @Override
    public synchronized boolean isOptedOut(AccountId accountId, String listKey, PhoneNumber number) {
        return optedOut.containsKey(optOutKey(accountId, listKey, number));
    }

    @Override
    public synchronized OptedOutNumber optOut(AccountId accountId, String listKey, PhoneNumber number, Instant at) {
        return optedOut.computeIfAbsent(optOutKey(accountId, listKey, number), k -> new OptedOutNumber(number, at));
    }

    @Override
    public synchronized boolean optIn(AccountId accountId, String listKey, PhoneNumber number) {
        return optedOut.remove(optOutKey(accountId, listKey, number)) != null;
    }

    @Override
    public synchronized Page<OptedOutNumber> list(AccountId accountId, String listKey, PageRequest page) {
        List<Map.Entry<String, OptedOutNumber>> all = optedOut.entrySet().stream()
                .filter(e -> e.getKey().startsWith(accountId + "/" + listKey + "/")).toList();
        List<OptedOutNumber> rows = new ArrayList<>();
        for (int i = (int) page.after().orElse(0); i < all.size() && rows.size() <= page.size(); i++) {
            rows.add(all.get(i).getValue());
        }
        long base = page.after().orElse(0);
        return Page.of(rows, page.size(), n -> base + rows.indexOf(n) + 1);
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

    @Override
    public synchronized long countBySender(PoolId poolId, PhoneNumber sender) {
        return mappings.entrySet().stream().filter(e -> e.getKey().startsWith(poolId + "/")
                && e.getValue().sender().equals(sender)).count();
    }
}
