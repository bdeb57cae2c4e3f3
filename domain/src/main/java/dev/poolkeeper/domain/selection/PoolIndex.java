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

/**
 * A pool's members indexed for selection: by scope (the whole pool, a country, a NANP area code),
 * then by number type, then by health (all members, or only those not unhealthy). Built once per
 * membership or health change; a decision then touches only the buckets it needs, so it costs the
 * same at 100 members as at 100,000.
 */
public final class PoolIndex {
    private final Scope all;
    /** By ISO country, and by NANP area code: a decision looks its scope up by the recipient's, as is. */
    private final Map<String, Scope> countries;
    private final Map<String, Scope> areaCodes;
    private final Map<PhoneNumber, Candidate> byNumber;
    private final Map<Provider, ConnectionId> connections;
    private final TypeSpread typeSpread = new TypeSpread();

    private PoolIndex(Scope all, Map<String, Scope> countries, Map<String, Scope> areaCodes,
                      Map<PhoneNumber, Candidate> byNumber, Map<Provider, ConnectionId> connections) {
        this.all = all;
        this.countries = countries;
        this.areaCodes = areaCodes;
        this.byNumber = byNumber;
        this.connections = connections;
    }

    public static PoolIndex of(List<PoolMember> members) {
        Map<NumberType, List<Candidate>> all = new EnumMap<>(NumberType.class);
        Map<String, Map<NumberType, List<Candidate>>> countries = new HashMap<>();
        Map<String, Map<NumberType, List<Candidate>>> areaCodes = new HashMap<>();
        Map<PhoneNumber, Candidate> byNumber = new HashMap<>();
        Map<Provider, ConnectionId> connections = new EnumMap<>(Provider.class);
        for (PoolMember m : members) {
            m.connection().ifPresent(c -> connections.putIfAbsent(m.provider(), c));
            Candidate c = Candidate.of(m);
            byNumber.put(c.number(), c);
            add(all, c);
            add(countries.computeIfAbsent(c.country(), k -> new EnumMap<>(NumberType.class)), c);
            if (c.areaCode() != null) {
                add(areaCodes.computeIfAbsent(c.areaCode(), k -> new EnumMap<>(NumberType.class)), c);
            }
        }
        return new PoolIndex(new Scope(all), scopes(countries), scopes(areaCodes), byNumber, connections);
    }

    private static Map<String, Scope> scopes(Map<String, Map<NumberType, List<Candidate>>> grouped) {
        Map<String, Scope> scopes = new HashMap<>();
        grouped.forEach((key, byType) -> scopes.put(key, new Scope(byType)));
        return scopes;
    }

    /** The connection the pool's numbers at the provider name (one per provider and pool), if they name one. */
    public Optional<ConnectionId> connection(Provider provider) {
        return Optional.ofNullable(connections.get(provider));
    }

    private static void add(Map<NumberType, List<Candidate>> byType, Candidate c) {
        byType.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c);
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

    /** The whole pool. */
    Scope all() {
        return all;
    }

    /** The members in a country (ISO 3166 alpha-2). */
    Scope country(String iso) {
        return countries.getOrDefault(iso, Scope.EMPTY);
    }

    /** The members with a NANP area code. */
    Scope areaCode(String code) {
        return areaCodes.getOrDefault(code, Scope.EMPTY);
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

        /** The members of the types whose bits ({@link TypeSpread#bit}) are set. */
        int count(int types, boolean skipUnhealthy) {
            int n = 0;
            for (NumberType t : TypeSpread.TYPES) {
                if ((types & TypeSpread.bit(t)) != 0) {
                    n += ring(t, skipUnhealthy).size();
                }
            }
            return n;
        }

        int total() {
            int n = 0;
            for (WeightedRing ring : any.values()) {
                n += ring.size();
            }
            return n;
        }
    }
}
