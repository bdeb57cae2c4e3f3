package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.pool.CustomFrom;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.pool.PoolStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Rows of {@code pools} and {@code pool_numbers} to domain objects and back. Enums are stored by wire name. */
final class PoolPersistenceMapper {
    static final String POOL_COLUMNS = "seq, id, account_id, name, status, message_type, fallback, custom_from,"
            + " localized_sender_preferred, geomatch, sticky_sender, sticky_ttl_days, long_code_weight,"
            + " toll_free_weight, skip_unhealthy, two_way_enabled, self_managed_opt_outs_enabled, opt_out_list_name,"
            + " shared_routes_enabled, deletion_protection_enabled, number_count, providers, version, created_at,"
            + " updated_at";
    static final String MEMBER_COLUMNS = "seq, e164, provider, type, country, campaign_id, two_way_capable, weight,"
            + " health, added_at, connection_id";

    private PoolPersistenceMapper() {
    }

    static NumberPool pool(ResultSet rs) throws SQLException {
        String customFrom = rs.getString("custom_from");
        String optOutList = rs.getString("opt_out_list_name");
        PoolSettings settings = new PoolSettings(
                Jdbc.wireName(Fallback.class, rs.getString("fallback")),
                customFrom == null ? null : new CustomFrom(customFrom),
                rs.getBoolean("localized_sender_preferred"),
                rs.getBoolean("geomatch"),
                rs.getBoolean("sticky_sender"),
                rs.getInt("sticky_ttl_days"),
                rs.getInt("long_code_weight"),
                rs.getInt("toll_free_weight"),
                rs.getBoolean("skip_unhealthy"),
                rs.getBoolean("two_way_enabled"),
                rs.getBoolean("self_managed_opt_outs_enabled"),
                optOutList == null ? null : new OptOutListName(optOutList),
                rs.getBoolean("shared_routes_enabled"),
                rs.getBoolean("deletion_protection_enabled"));
        return NumberPool.reconstitute(new PoolId(rs.getString("id")), new AccountId(rs.getString("account_id")),
                new PoolName(rs.getString("name")), Jdbc.wireName(PoolStatus.class, rs.getString("status")),
                Jdbc.wireName(MessageType.class, rs.getString("message_type")), settings, rs.getLong("number_count"),
                providers(rs.getString("providers")), rs.getLong("version"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }

    /** The settable columns in the order of {@link #SETTINGS_ASSIGNMENTS}. */
    static Object[] settingsValues(NumberPool pool) {
        PoolSettings s = pool.settings();
        return new Object[] {pool.name().value(), pool.status().wireName(), s.fallback().wireName(),
            s.customFromSender().map(CustomFrom::value).orElse(null), s.localizedSenderPreferred(), s.geomatch(),
            s.stickySender(), s.stickyTtlDays(), s.longCodeWeight(), s.tollFreeWeight(), s.skipUnhealthy(),
            s.twoWayEnabled(), s.selfManagedOptOutsEnabled(), s.optOutList().map(OptOutListName::value).orElse(null),
            s.sharedRoutesEnabled(), s.deletionProtectionEnabled(), pool.version(), pool.updatedAt()};
    }

    static final String SETTINGS_ASSIGNMENTS = "name = ?, status = ?, fallback = ?, custom_from = ?,"
            + " localized_sender_preferred = ?, geomatch = ?, sticky_sender = ?, sticky_ttl_days = ?,"
            + " long_code_weight = ?, toll_free_weight = ?, skip_unhealthy = ?, two_way_enabled = ?,"
            + " self_managed_opt_outs_enabled = ?, opt_out_list_name = ?, shared_routes_enabled = ?,"
            + " deletion_protection_enabled = ?, version = ?, updated_at = ?";

    static PoolMember member(ResultSet rs) throws SQLException {
        String campaign = rs.getString("campaign_id");
        return new PoolMember(new PhoneNumber(rs.getString("e164")), Jdbc.wireName(Provider.class, rs.getString("provider")),
                Jdbc.wireName(NumberType.class, rs.getString("type")), rs.getString("country"),
                campaign == null ? null : new CampaignId(campaign), rs.getBoolean("two_way_capable"),
                rs.getInt("weight"), Jdbc.wireName(NumberHealth.class, rs.getString("health")),
                Jdbc.instant(rs, "added_at"),
                Optional.ofNullable(rs.getString("connection_id")).map(ConnectionId::new));
    }

    static String providers(Set<Provider> providers) {
        return providers.stream().sorted().map(Provider::wireName).collect(Collectors.joining(","));
    }

    static Set<Provider> providers(String stored) {
        Set<Provider> result = EnumSet.noneOf(Provider.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(p -> Jdbc.wireName(Provider.class, p)).forEach(result::add);
        }
        return result;
    }
}
