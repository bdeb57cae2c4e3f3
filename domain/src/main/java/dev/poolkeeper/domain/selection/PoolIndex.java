package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.Provider;
import java.util.Set;

/**
 * A pool's members indexed for selection: by scope (the whole pool, a country, a NANP area code),
 * then by number type, then by health (all members, or only those not unhealthy). Built once per
 * membership or health change; a decision then touches only the buckets it needs, so it costs the
 * same at 100 members as at 100,000.
 */
public final class PoolIndex {
    static final String ALL = "*";

    private final Map<String, Scope> scopes;
    private final Map<PhoneNumber, Candidate> byNumber;
    private final Map<Provider, ConnectionId> connections;
    private final TypeSpread typeSpread = new TypeSpread();

    private PoolIndex(Map<String, Scope> scopes, Map<PhoneNumber, Candidate> byNumber,
                      Map<Provider, ConnectionId> connections) {
        this.scopes = scopes;
        this.byNumber = byNumber;
        this.connections = connections;
    }

    public static PoolIndex of(List<PoolMember> members) {
        Map<String, Map<NumberType, List<Candidate>>> grouped = new HashMap<>();
        Map<PhoneNumber, Candidate> byNumber = new HashMap<>();
        Map<Provider, ConnectionId> connections = new EnumMap<>(Provider.class);
        for (PoolMember m : members) {
            m.connection().ifPresent(c -> connections.putIfAbsent(m.provider(), c));
            Candidate c = Candidate.of(m);
            byNumber.put(c.number(), c);
            add(grouped, ALL, c);
            add(grouped, country(c.country()), c);
            if (c.areaCode() != null) {
                add(grouped, areaCode(c.areaCode()), c);
            }
        }
        Map<String, Scope> scopes = new HashMap<>();
        grouped.forEach((key, byType) -> scopes.put(key, new Scope(byType)));
        return new PoolIndex(scopes, byNumber, connections);
    }

    /** The connection the pool's numbers at the provider name (one per provider and pool), if they name one. */
    public Optional<ConnectionId> connection(Provider provider) {
        return Optional.ofNullable(connections.get(provider));
    }

    private static void add(Map<String, Map<NumberType, List<Candidate>>> grouped, String scope, Candidate c) {
        grouped.computeIfAbsent(scope, k -> new EnumMap<>(NumberType.class))
                .computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c);
    }

    static String country(String iso) {
        return "C:" + iso;
    }

    static String areaCode(String code) {
        return "A:" + code;
    }

    public int size() {
        return byNumber.size();
    }

    /** Every member, in no particular order. */
    public java.util.Collection<Candidate> members() {
        return java.util.Collections.unmodifiableCollection(byNumber.values());
    }

    public Optional<Candidate> member(PhoneNumber number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    Scope scope(String key) {
        return scopes.getOrDefault(key, Scope.EMPTY);
    }

    TypeSpread typeSpread() {
        return typeSpread;
    }

    /** The members of one scope, by type, each as two rings: every member, and the not-unhealthy ones. */
    static final class Scope {
        static final Scope EMPTY = new Scope(Map.of());
        private static final WeightedRing NO_MEMBERS = new WeightedRing(List.of());

        private final Map<NumberType, WeightedRing> any = new EnumMap<>(NumberType.class);
        private final Map<NumberType, WeightedRing> healthy = new EnumMap<>(NumberType.class);

        private Scope(Map<NumberType, List<Candidate>> byType) {
            byType.forEach((type, list) -> {
                any.put(type, new WeightedRing(list));
                healthy.put(type, new WeightedRing(list.stream().filter(c -> !c.isUnhealthy()).toList()));
            });
        }

        WeightedRing ring(NumberType type, boolean skipUnhealthy) {
            WeightedRing ring = (skipUnhealthy ? healthy : any).get(type);
            return ring == null ? NO_MEMBERS : ring;
        }

        int count(Set<NumberType> types, boolean skipUnhealthy) {
            int n = 0;
            for (NumberType t : types) {
                n += ring(t, skipUnhealthy).size();
            }
            return n;
        }

        int total() {
            return any.values().stream().mapToInt(WeightedRing::size).sum();
        }
    }
}
