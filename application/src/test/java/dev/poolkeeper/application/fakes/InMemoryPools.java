package dev.poolkeeper.application.fakes;

import dev.poolkeeper.domain.number.MemberFilter;
import dev.poolkeeper.domain.pool.PoolFilter;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.pool.OptOutListRepository;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.stats.DeliveryDayRepository;
import dev.poolkeeper.domain.message.DeliveryDay;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.optout.OptOutList;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventQuery;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Pools, members, events and opt-out list names in memory, with the same rules the database enforces. */
public final class InMemoryPools implements PoolRepository, PoolMemberRepository, PoolEventRepository,
        OptOutListRepository, NumberHealthRepository, DeliveryDayRepository {
    private record Row<T>(long seq, T value) {
    }

    private long seq;
    private final Map<PoolId, Row<NumberPool>> pools = new LinkedHashMap<>();
    private final Map<String, Row<PoolMember>> members = new LinkedHashMap<>();
    private final Map<String, PoolId> memberPool = new HashMap<>();
    private final List<Row<PoolEvent>> events = new ArrayList<>();
    private final Map<String, Row<OptOutList>> optOutLists = new LinkedHashMap<>();
    private final Map<String, HealthWindow> windows = new HashMap<>();
    private final Map<String, Instant> healthSince = new HashMap<>();
    private final Map<String, DeliveryDay> deliveryDays = new HashMap<>();

    public synchronized void addOptOutList(AccountId account, String name) {
        insert(new OptOutList(account, new OptOutListName(name), java.time.Instant.EPOCH));
    }

    private static NumberPool copy(NumberPool p) {
        return NumberPool.reconstitute(p.id(), p.accountId(), p.name(), p.status(), p.messageType(), p.settings(),
                p.numberCount(), p.providers(), p.version(), p.createdAt(), p.updatedAt());
    }

    private static String key(AccountId account, PhoneNumber number) {
        return account + "/" + number.e164();
    }

    private void ensureNameFree(NumberPool pool) {
        for (Row<NumberPool> row : pools.values()) {
            NumberPool other = row.value();
            if (!other.id().equals(pool.id()) && other.accountId().equals(pool.accountId())
                    && other.name().equals(pool.name())) {
                throw new DomainException(ErrorCode.POOL_NAME_TAKEN, "a pool named " + pool.name() + " exists");
            }
        }
    }

    @Override
    public synchronized void insert(NumberPool pool) {
        ensureNameFree(pool);
        pools.put(pool.id(), new Row<>(++seq, copy(pool)));
    }

    @Override
    public synchronized Optional<NumberPool> find(AccountId accountId, PoolId poolId) {
        Row<NumberPool> row = pools.get(poolId);
        return row == null || !row.value().accountId().equals(accountId) ? Optional.empty()
                : Optional.of(copy(row.value()));
    }

    @Override
    public Optional<NumberPool> lock(AccountId accountId, PoolId poolId) {
        return find(accountId, poolId);
    }

    @Override
    public synchronized void update(NumberPool pool, long expectedVersion) {
        Row<NumberPool> row = pools.get(pool.id());
        if (row == null || row.value().version() != expectedVersion) {
            throw new DomainException(ErrorCode.POOL_VERSION_CONFLICT, "version conflict");
        }
        ensureNameFree(pool);
        pools.put(pool.id(), new Row<>(row.seq(), copy(pool)));
    }

    @Override
    public synchronized void updateMembershipSummary(NumberPool pool) {
        Row<NumberPool> row = pools.get(pool.id());
        NumberPool p = row.value();
        pools.put(pool.id(), new Row<>(row.seq(), NumberPool.reconstitute(p.id(), p.accountId(), p.name(), p.status(),
                p.messageType(), p.settings(), pool.numberCount(), pool.providers(), p.version(), p.createdAt(),
                forward(p.updatedAt(), pool.updatedAt()))));
    }

    @Override
    public synchronized void delete(NumberPool pool) {
        pools.remove(pool.id());
    }

    @Override
    public synchronized void touch(AccountId accountId, PoolId poolId, Instant at) {
        Row<NumberPool> row = pools.get(poolId);
        NumberPool p = row.value();
        pools.put(poolId, new Row<>(row.seq(), NumberPool.reconstitute(p.id(), p.accountId(), p.name(), p.status(),
                p.messageType(), p.settings(), p.numberCount(), p.providers(), p.version(), p.createdAt(),
                forward(p.updatedAt(), at))));
    }

    private static Instant forward(Instant stored, Instant at) {
        Instant next = stored.plusNanos(1000);
        return at.isBefore(next) ? next : at;
    }

    @Override
    public synchronized List<Holder> holders(PhoneNumber number) {
        List<Holder> holders = new ArrayList<>();
        memberPool.forEach((k, poolId) -> {
            if (k.endsWith("/" + number.e164())) {
                holders.add(new Holder(new AccountId(k.substring(0, k.indexOf('/'))), poolId));
            }
        });
        return holders;
    }

    @Override
    public synchronized Optional<State> lock(AccountId accountId, PhoneNumber number) {
        String k = key(accountId, number);
        Row<PoolMember> row = members.get(k);
        return row == null ? Optional.empty() : Optional.of(new State(memberPool.get(k), row.value().health(),
                windows.getOrDefault(k, HealthWindow.empty())));
    }

    @Override
    public synchronized void save(AccountId accountId, PhoneNumber number, NumberHealth health, HealthWindow window,
                                  Instant now) {
        String k = key(accountId, number);
        Row<PoolMember> row = members.get(k);
        PoolMember m = row.value();
        if (m.health() != health) {
            healthSince.put(k, now);
        }
        members.put(k, new Row<>(row.seq(), new PoolMember(m.number(), m.provider(), m.type(), m.country(),
                m.campaignId(), m.twoWayCapable(), m.weight(), health, m.addedAt(), m.connection())));
        windows.put(k, window);
    }

    @Override
    public synchronized Map<PhoneNumber, Standing> standings(PoolId poolId, Collection<PhoneNumber> numbers) {
        Map<PhoneNumber, Standing> standings = new HashMap<>();
        memberPool.forEach((k, pool) -> {
            PhoneNumber n = PhoneNumber.parse(k.substring(k.indexOf('/') + 1));
            if (pool.equals(poolId) && numbers.contains(n)) {
                standings.put(n, new Standing(windows.getOrDefault(k, HealthWindow.empty()),
                        Optional.ofNullable(healthSince.get(k))));
            }
        });
        return standings;
    }

    @Override
    public synchronized void count(PoolId pool, String sender, LocalDate day, boolean delivered) {
        deliveryDays.merge(pool.value() + "/" + day, new DeliveryDay(day, delivered ? 1 : 0, delivered ? 0 : 1),
                (a, b) -> new DeliveryDay(day, a.delivered() + b.delivered(), a.undelivered() + b.undelivered()));
    }

    @Override
    public synchronized List<DeliveryDay> days(PoolId pool, LocalDate first, LocalDate last) {
        return first.datesUntil(last.plusDays(1)).map(d -> deliveryDays.get(pool.value() + "/" + d))
                .filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized List<Rested> lockRested(Instant cutoff, int limit) {
        return members.entrySet().stream()
                .filter(e -> e.getValue().value().health() == NumberHealth.UNHEALTHY)
                .filter(e -> healthSince.containsKey(e.getKey()) && !healthSince.get(e.getKey()).isAfter(cutoff))
                .sorted(java.util.Comparator.comparing(e -> healthSince.get(e.getKey())))
                .limit(limit)
                .map(e -> new Rested(new AccountId(e.getKey().substring(0, e.getKey().indexOf('/'))),
                        memberPool.get(e.getKey()), e.getValue().value().number()))
                .toList();
    }

    @Override
    public synchronized Page<NumberPool> list(AccountId accountId, PoolFilter filter, PageRequest page) {
        List<Row<NumberPool>> rows = pools.values().stream()
                .filter(r -> r.value().accountId().equals(accountId))
                .filter(r -> r.seq() > page.after().orElse(0))
                .filter(r -> filter.status().map(s -> s == r.value().status()).orElse(true))
                .filter(r -> filter.messageType().map(s -> s == r.value().messageType()).orElse(true))
                .filter(r -> filter.provider().map(s -> r.value().providers().contains(s)).orElse(true))
                .filter(r -> filter.name().map(s -> s.equals(r.value().name())).orElse(true))
                .limit(page.size() + 1L)
                .toList();
        return Page.of(rows, page.size(), Row::seq).map(r -> copy(r.value()));
    }

    @Override
    public synchronized long count() {
        return pools.size();
    }

    @Override
    public synchronized long countNumbers() {
        return members.size();
    }

    @Override
    public synchronized Map<PhoneNumber, PoolId> findPools(AccountId accountId, Collection<PhoneNumber> numbers) {
        Map<PhoneNumber, PoolId> result = new HashMap<>();
        for (PhoneNumber n : numbers) {
            PoolId p = memberPool.get(key(accountId, n));
            if (p != null) {
                result.put(n, p);
            }
        }
        return result;
    }

    private List<Row<PoolMember>> rowsOf(PoolId poolId) {
        return members.entrySet().stream()
                .filter(e -> poolId.equals(memberPool.get(e.getKey())))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public synchronized Optional<CampaignId> usLongCodeCampaign(PoolId poolId) {
        return rowsOf(poolId).stream().map(Row::value).filter(PoolMember::isUsLongCode)
                .flatMap(m -> m.campaign().stream()).findFirst();
    }

    @Override
    public synchronized long countNotTwoWayCapable(PoolId poolId) {
        return rowsOf(poolId).stream().filter(r -> !r.value().twoWayCapable()).count();
    }

    @Override
    public synchronized List<PhoneNumber> notTwoWayCapable(PoolId poolId, int limit) {
        return rowsOf(poolId).stream().filter(r -> !r.value().twoWayCapable()).limit(limit)
                .map(r -> r.value().number()).toList();
    }

    @Override
    public synchronized Set<PhoneNumber> insert(AccountId accountId, PoolId poolId, List<PoolMember> toInsert) {
        Set<PhoneNumber> refused = new HashSet<>();
        for (PoolMember m : toInsert) {
            String k = key(accountId, m.number());
            if (memberPool.containsKey(k)) {
                refused.add(m.number());
            } else {
                memberPool.put(k, poolId);
                members.put(k, new Row<>(++seq, m));
            }
        }
        return refused;
    }

    @Override
    public synchronized int delete(PoolId poolId, Collection<PhoneNumber> numbers) {
        int deleted = 0;
        for (String k : new ArrayList<>(memberPool.keySet())) {
            if (poolId.equals(memberPool.get(k)) && numbers.stream().anyMatch(n -> k.endsWith("/" + n.e164()))) {
                forget(k);
                deleted++;
            }
        }
        return deleted;
    }

    /** A removed number leaves nothing behind: added again, it starts with unknown health and no receipts. */
    private void forget(String k) {
        memberPool.remove(k);
        members.remove(k);
        windows.remove(k);
        healthSince.remove(k);
    }

    @Override
    public synchronized void deleteAll(PoolId poolId) {
        for (String k : new ArrayList<>(memberPool.keySet())) {
            if (poolId.equals(memberPool.get(k))) {
                forget(k);
            }
        }
    }

    @Override
    public synchronized Optional<PoolMember> find(PoolId poolId, PhoneNumber number) {
        return rowsOf(poolId).stream().map(Row::value).filter(m -> m.number().equals(number)).findFirst();
    }

    @Override
    public synchronized Optional<CampaignId> usLongCodeCampaignExcept(PoolId poolId, PhoneNumber number) {
        return rowsOf(poolId).stream().map(Row::value).filter(m -> m.isUsLongCode() && !m.number().equals(number))
                .flatMap(m -> m.campaign().stream()).findFirst();
    }

    @Override
    public synchronized void update(PoolId poolId, PoolMember member) {
        members.replaceAll((k, row) -> poolId.equals(memberPool.get(k)) && row.value().number().equals(member.number())
                ? new Row<>(row.seq(), member) : row);
    }

    @Override
    public synchronized Map<PhoneNumber, PoolMember> findAll(PoolId poolId, Collection<PhoneNumber> numbers) {
        Map<PhoneNumber, PoolMember> found = new HashMap<>();
        rowsOf(poolId).stream().map(Row::value).filter(m -> numbers.contains(m.number()))
                .forEach(m -> found.put(m.number(), m));
        return found;
    }

    @Override
    public synchronized Page<PoolMember> list(PoolId poolId, MemberFilter filter, PageRequest page) {
        List<Row<PoolMember>> rows = rowsOf(poolId).stream()
                .filter(r -> r.seq() > page.after().orElse(0))
                .filter(r -> filter.country().map(c -> c.equals(r.value().country())).orElse(true))
                .filter(r -> filter.provider().map(c -> c == r.value().provider()).orElse(true))
                .filter(r -> filter.type().map(c -> c == r.value().type()).orElse(true))
                .filter(r -> filter.health().map(c -> c == r.value().health()).orElse(true))
                .limit(page.size() + 1L)
                .toList();
        return Page.of(rows, page.size(), Row::seq).map(Row::value);
    }

    @Override
    public synchronized long countWithAreaCode(PoolId poolId, String country, String areaCode) {
        return all(poolId).stream().filter(m -> m.country().equals(country)
                && m.areaCode().filter(areaCode::equals).isPresent()).count();
    }

    @Override
    public synchronized Map<PoolId, Long> unhealthyCounts(java.util.Collection<PoolId> pools) {
        Map<PoolId, Long> counts = new java.util.HashMap<>();
        for (PoolId pool : pools) {
            long n = all(pool).stream().filter(m -> m.health() == dev.poolkeeper.domain.number.NumberHealth.UNHEALTHY)
                    .count();
            if (n > 0) {
                counts.put(pool, n);
            }
        }
        return counts;
    }

    @Override
    public synchronized long count(PoolId poolId) {
        return rowsOf(poolId).size();
    }

    @Override
    public synchronized List<PoolMember> all(PoolId poolId) {
        return rowsOf(poolId).stream().map(Row::value).toList();
    }

    @Override
    public synchronized Map<Provider, Optional<ConnectionId>> connections(PoolId poolId) {
        Map<Provider, Optional<ConnectionId>> connections = new java.util.EnumMap<>(Provider.class);
        rowsOf(poolId).forEach(r -> connections.putIfAbsent(r.value().provider(), r.value().connection()));
        return connections;
    }

    @Override
    public synchronized List<PoolId> poolsNaming(AccountId accountId, Provider provider,
                                                 Optional<ConnectionId> connection, int limit) {
        return members.entrySet().stream().filter(e -> e.getKey().startsWith(accountId.value()))
                .filter(e -> e.getValue().value().provider() == provider
                        && e.getValue().value().connection().equals(connection))
                .map(e -> memberPool.get(e.getKey())).filter(java.util.Objects::nonNull).distinct().limit(limit)
                .toList();
    }

    @Override
    public synchronized Set<Provider> providers(PoolId poolId) {
        Set<Provider> providers = EnumSet.noneOf(Provider.class);
        rowsOf(poolId).forEach(r -> providers.add(r.value().provider()));
        return providers;
    }

    @Override
    public synchronized void append(PoolEvent event) {
        events.add(new Row<>(++seq, event));
    }

    @Override
    public synchronized Page<PoolEvent> list(AccountId accountId, PoolId poolId, PoolEventQuery query,
                                             PageRequest page) {
        java.util.stream.Stream<Row<PoolEvent>> matching = events.stream()
                .filter(r -> r.value().poolId().equals(poolId)
                        && (accountId == null || r.value().accountId().equals(accountId)) && query.matches(r.value()));
        List<Row<PoolEvent>> rows = (query.newestFirst()
                ? matching.sorted(java.util.Comparator.comparingLong((Row<PoolEvent> r) -> r.seq()).reversed())
                        .filter(r -> r.seq() < page.after().orElse(Long.MAX_VALUE))
                : matching.filter(r -> r.seq() > page.after().orElse(0)))
                .limit(page.size() + 1L)
                .toList();
        return Page.of(rows, page.size(), Row::seq).map(Row::value);
    }

    @Override
    public synchronized boolean hasEvents(AccountId accountId, PoolId poolId) {
        return events.stream().anyMatch(r -> r.value().poolId().equals(poolId)
                && r.value().accountId().equals(accountId));
    }

    @Override
    public synchronized boolean exists(AccountId accountId, OptOutListName name) {
        return optOutLists.containsKey(accountId + "/" + name.value());
    }

    @Override
    public synchronized void insert(OptOutList list) {
        String key = list.accountId() + "/" + list.name().value();
        if (optOutLists.containsKey(key)) {
            throw new DomainException(ErrorCode.OPT_OUT_LIST_NAME_TAKEN, "an opt-out list " + list.name() + " exists");
        }
        optOutLists.put(key, new Row<>(++seq, list));
    }

    @Override
    public synchronized Optional<OptOutList> find(AccountId accountId, OptOutListName name) {
        return Optional.ofNullable(optOutLists.get(accountId + "/" + name.value())).map(Row::value);
    }

    @Override
    public synchronized Page<OptOutList> list(AccountId accountId, PageRequest page) {
        List<Row<OptOutList>> rows = optOutLists.values().stream()
                .filter(r -> r.value().accountId().equals(accountId) && r.seq() > page.after().orElse(0))
                .limit(page.size() + 1L).toList();
        return Page.of(rows, page.size(), Row::seq).map(Row::value);
    }

    @Override
    public synchronized boolean delete(AccountId accountId, OptOutListName name) {
        return optOutLists.remove(accountId + "/" + name.value()) != null;
    }

    @Override
    public synchronized List<PoolId> poolsUsing(AccountId accountId, OptOutListName name) {
        return pools.values().stream().map(Row::value).filter(p -> p.accountId().equals(accountId)
                && p.settings().optOutList().map(name::equals).orElse(false)).map(NumberPool::id).toList();
    }

    /** Members of a pool in insertion order (for assertions). */
    public synchronized Set<String> numbersOf(PoolId poolId) {
        Set<String> result = new TreeSet<>();
        rowsOf(poolId).forEach(r -> result.add(r.value().number().e164()));
        return result;
    }
}
