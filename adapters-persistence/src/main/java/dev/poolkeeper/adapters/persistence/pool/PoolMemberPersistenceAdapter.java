package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.domain.number.MemberFilter;

import static dev.poolkeeper.adapters.persistence.pool.PoolPersistenceMapper.MEMBER_COLUMNS;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Singleton
final class PoolMemberPersistenceAdapter implements PoolMemberRepository {
    private final Jdbc jdbc;

    PoolMemberPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<PhoneNumber, PoolId> findPools(AccountId accountId, Collection<PhoneNumber> numbers) {
        Map<PhoneNumber, PoolId> result = new HashMap<>();
        jdbc.readIn("SELECT e164, pool_id FROM pool_numbers WHERE account_id = ? AND e164 IN",
                rs -> result.put(new PhoneNumber(rs.getString("e164")), new PoolId(rs.getString("pool_id"))),
                List.of(accountId.value()), numbers.stream().map(PhoneNumber::e164).toList());
        return result;
    }

    @Override
    public Optional<CampaignId> usLongCodeCampaign(PoolId poolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT campaign_id FROM pool_numbers WHERE pool_id = ?"
                        + " AND type = 'long_code' AND country = 'US' AND campaign_id IS NOT NULL LIMIT 1",
                rs -> new CampaignId(rs.getString(1)), poolId.value()));
    }

    @Override
    public Optional<CampaignId> usLongCodeCampaignExcept(PoolId poolId, PhoneNumber number) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT campaign_id FROM pool_numbers WHERE pool_id = ?"
                        + " AND type = 'long_code' AND country = 'US' AND campaign_id IS NOT NULL AND e164 <> ? LIMIT 1",
                rs -> new CampaignId(rs.getString(1)), poolId.value(), number.e164()));
    }

    @Override
    public void update(PoolId poolId, PoolMember member) {
        jdbc.write(c -> Jdbc.update(c, "UPDATE pool_numbers SET weight = ?, campaign_id = ?, two_way_capable = ?"
                        + " WHERE pool_id = ? AND e164 = ?", member.weight(), member.campaign().map(CampaignId::value)
                        .orElse(null), member.twoWayCapable(), poolId.value(), member.number().e164()));
    }

    @Override
    public long countNotTwoWayCapable(PoolId poolId) {
        return jdbc.read(c -> Jdbc.count(c,
                "SELECT COUNT(*) FROM pool_numbers WHERE pool_id = ? AND two_way_capable = FALSE", poolId.value()));
    }

    @Override
    public List<PhoneNumber> notTwoWayCapable(PoolId poolId, int limit) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT e164 FROM pool_numbers WHERE pool_id = ? AND two_way_capable = FALSE"
                + " ORDER BY seq LIMIT ?", rs -> new PhoneNumber(rs.getString(1)), poolId.value(), limit));
    }

    private static final String INSERT = "INSERT INTO pool_numbers (account_id, pool_id, e164, provider, type,"
            + " country, area_code, campaign_id, two_way_capable, weight, health, added_at, connection_id) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Inserts the members in number order (so two concurrent calls lock the unique index in the same
     * order). Fast path: one multi-row statement. If it hits a duplicate key — another pool of the
     * account holds one of the numbers — InnoDB rolls back that statement alone, and the rows are
     * inserted one by one to find which were refused; the rest of the unit of work goes on.
     */
    @Override
    public Set<PhoneNumber> insert(AccountId accountId, PoolId poolId, List<PoolMember> members) {
        List<PoolMember> ordered = members.stream().sorted(Comparator.comparing(PoolMember::number)).toList();
        return jdbc.write(c -> {
            try {
                Jdbc.insertRows(c, INSERT, ordered, m -> columns(accountId, poolId, m));
                return Set.<PhoneNumber>of();
            } catch (SQLException e) {
                if (!Jdbc.isDuplicateKey(e)) {
                    throw e;
                }
            }
            Set<PhoneNumber> refused = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(INSERT + ROW)) {
                for (PoolMember m : ordered) {
                    Jdbc.bind(ps, columns(accountId, poolId, m).toArray());
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        if (!Jdbc.isDuplicateKey(e)) {
                            throw e;
                        }
                        refused.add(m.number());
                    }
                }
            }
            return refused;
        });
    }

    private static List<Object> columns(AccountId accountId, PoolId poolId, PoolMember m) {
        return java.util.Arrays.asList(accountId.value(), poolId.value(), m.number().e164(), m.provider().wireName(),
                m.type().wireName(), m.country(), m.areaCode().orElse(null),
                m.campaign().map(CampaignId::value).orElse(null), m.twoWayCapable(), m.weight(),
                m.health().wireName(), m.addedAt(), m.connection().map(ConnectionId::value).orElse(null));
    }

    @Override
    public int delete(PoolId poolId, Collection<PhoneNumber> numbers) {
        return jdbc.updateIn("DELETE FROM pool_numbers WHERE pool_id = ? AND e164 IN", List.of(poolId.value()),
                numbers.stream().map(PhoneNumber::e164).toList());
    }

    @Override
    public void deleteAll(PoolId poolId) {
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM pool_numbers WHERE pool_id = ?", poolId.value()));
    }

    @Override
    public Optional<PoolMember> find(PoolId poolId, PhoneNumber number) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + MEMBER_COLUMNS
                + " FROM pool_numbers WHERE pool_id = ? AND e164 = ?", PoolPersistenceMapper::member,
                poolId.value(), number.e164()));
    }

    @Override
    public Map<PhoneNumber, PoolMember> findAll(PoolId poolId, Collection<PhoneNumber> numbers) {
        Map<PhoneNumber, PoolMember> found = new HashMap<>();
        jdbc.readIn("SELECT " + MEMBER_COLUMNS + " FROM pool_numbers WHERE pool_id = ? AND e164 IN",
                PoolPersistenceMapper::member, List.of(poolId.value()), numbers.stream().map(PhoneNumber::e164).toList())
                .forEach(m -> found.put(m.number(), m));
        return found;
    }

    @Override
    public Page<PoolMember> list(PoolId poolId, MemberFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + MEMBER_COLUMNS
                + " FROM pool_numbers WHERE pool_id = ? AND seq > ?");
        List<Object> params = new ArrayList<>(List.of(poolId.value(), page.after().orElse(0)));
        filter.country().ifPresent(v -> {
            sql.append(" AND country = ?");
            params.add(v);
        });
        filter.provider().ifPresent(v -> {
            sql.append(" AND provider = ?");
            params.add(v.wireName());
        });
        filter.type().ifPresent(v -> {
            sql.append(" AND type = ?");
            params.add(v.wireName());
        });
        filter.health().ifPresent(v -> {
            sql.append(" AND health = ?");
            params.add(v.wireName());
        });
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(page.size() + 1);
        List<Positioned<PoolMember>> rows = jdbc.read(c -> Jdbc.query(c, sql.toString(),
                rs -> new Positioned<>(rs.getLong("seq"), PoolPersistenceMapper.member(rs)), params.toArray()));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    @Override
    public long count(PoolId poolId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM pool_numbers WHERE pool_id = ?", poolId.value()));
    }

    @Override
    public long countWithAreaCode(PoolId poolId, String country, String areaCode) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM pool_numbers WHERE pool_id = ? AND country = ?"
                + " AND area_code = ?", poolId.value(), country, areaCode));
    }

    @Override
    public Map<PoolId, Long> unhealthyCounts(Collection<PoolId> pools) {
        if (pools.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(pools.size(), "?"));
        Object[] ids = pools.stream().map(PoolId::value).toArray();
        Map<PoolId, Long> counts = new java.util.HashMap<>();
        jdbc.read(c -> Jdbc.query(c, "SELECT pool_id, COUNT(*) AS n FROM pool_numbers WHERE pool_id IN (" + marks
                + ") AND health = 'unhealthy' GROUP BY pool_id", rs -> counts.put(new PoolId(rs.getString("pool_id")),
                rs.getLong("n")), ids));
        return counts;
    }

    @Override
    public List<PoolMember> all(PoolId poolId) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + MEMBER_COLUMNS + " FROM pool_numbers WHERE pool_id = ?"
                + " ORDER BY seq", PoolPersistenceMapper::member, poolId.value()));
    }

    @Override
    public Set<Provider> providers(PoolId poolId) {
        Set<Provider> result = EnumSet.noneOf(Provider.class);
        jdbc.read(c -> Jdbc.query(c, "SELECT DISTINCT provider FROM pool_numbers WHERE pool_id = ?",
                rs -> result.add(Jdbc.wireName(Provider.class, rs.getString(1))), poolId.value()));
        return result;
    }

    @Override
    public List<Holder> holders(PhoneNumber number) {
        return jdbc.read(c -> Jdbc.query(c, "SELECT account_id, pool_id FROM pool_numbers WHERE e164 = ?",
                rs -> new Holder(new AccountId(rs.getString(1)), new PoolId(rs.getString(2))), number.e164()));
    }

    @Override
    public Map<Provider, Optional<ConnectionId>> connections(PoolId poolId) {
        Map<Provider, Optional<ConnectionId>> connections = new HashMap<>();
        jdbc.read(c -> Jdbc.query(c, "SELECT DISTINCT provider, connection_id FROM pool_numbers WHERE pool_id = ?",
                rs -> connections.putIfAbsent(Jdbc.wireName(Provider.class, rs.getString("provider")),
                        Optional.ofNullable(rs.getString("connection_id")).map(ConnectionId::new)), poolId.value()));
        return connections;
    }

    @Override
    public List<PoolId> poolsNaming(AccountId accountId, Provider provider, Optional<ConnectionId> connection,
                                    int limit) {
        return jdbc.read(c -> connection.isPresent()
                ? Jdbc.query(c, "SELECT DISTINCT pool_id FROM pool_numbers WHERE account_id = ? AND provider = ?"
                        + " AND connection_id = ? LIMIT ?", rs -> new PoolId(rs.getString(1)), accountId.value(),
                provider.wireName(), connection.get().value(), limit)
                : Jdbc.query(c, "SELECT DISTINCT pool_id FROM pool_numbers WHERE account_id = ? AND provider = ?"
                        + " AND connection_id IS NULL LIMIT ?", rs -> new PoolId(rs.getString(1)), accountId.value(),
                provider.wireName(), limit));
    }
}
