package dev.poolkeeper.adapters.rest.pool;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.CustomFrom;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The pool object of api.md. Component names are the wire names (docs/adr/0004). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Pool")
record PoolResponse(
        String id,
        String name,
        @Schema(allowableValues = {"active", "deleting"}) String status,
        @Schema(allowableValues = {"transactional", "promotional"}) String message_type,
        @Schema(allowableValues = {"pool", "custom_from", "reject"}) String fallback,
        @Nullable String custom_from,
        boolean localized_sender_preferred,
        boolean geomatch,
        boolean sticky_sender,
        int sticky_ttl_days,
        int long_code_weight,
        int toll_free_weight,
        boolean skip_unhealthy,
        boolean two_way_enabled,
        boolean self_managed_opt_outs_enabled,
        @Nullable String opt_out_list_name,
        boolean shared_routes_enabled,
        boolean deletion_protection_enabled,
        long number_count,
        List<String> providers,
        long version,
        Instant created_at,
        Instant updated_at) {

    static PoolResponse of(NumberPool p) {
        PoolSettings s = p.settings();
        return new PoolResponse(p.id().value(), p.name().value(), p.status().wireName(), p.messageType().wireName(),
                s.fallback().wireName(), s.customFromSender().map(CustomFrom::value).orElse(null),
                s.localizedSenderPreferred(), s.geomatch(), s.stickySender(), s.stickyTtlDays(), s.longCodeWeight(),
                s.tollFreeWeight(), s.skipUnhealthy(), s.twoWayEnabled(), s.selfManagedOptOutsEnabled(),
                s.optOutList().map(OptOutListName::value).orElse(null), s.sharedRoutesEnabled(),
                s.deletionProtectionEnabled(), p.numberCount(),
                p.providers().stream().sorted().map(Provider::wireName).toList(), p.version(), p.createdAt(),
                p.updatedAt());
    }

    static String etag(NumberPool p) {
        return "\"" + p.version() + "\"";
    }
}
