package dev.poolkeeper.adapters.rest.pool;

import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.domain.pool.CustomFrom;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.MessageType;
import dev.poolkeeper.domain.pool.OptOutListName;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/**
 * The settable pool fields, for create (only {@code name} required) and for PATCH (a JSON merge
 * patch: {@code null} puts a field back to its default). This record documents the body in the
 * OpenAPI document; parsing goes through {@link #toPatch} so every error names its field.
 */
@Serdeable
@Schema(name = "PoolSettings", description = "Settable pool fields. On PATCH, null resets a field to its default.")
record PoolRequest(
        @Schema(description = "1-64 [A-Za-z0-9._-], unique per account") @Nullable String name,
        @Schema(allowableValues = {"transactional", "promotional"}) @Nullable String message_type,
        @Schema(allowableValues = {"pool", "custom_from", "reject"}) @Nullable String fallback,
        @Schema(description = "1-11 [A-Za-z0-9 ], at least one letter; required iff fallback=custom_from")
        @Nullable String custom_from,
        @Nullable Boolean localized_sender_preferred,
        @Nullable Boolean geomatch,
        @Nullable Boolean sticky_sender,
        @Schema(minimum = "1", maximum = "730") @Nullable Integer sticky_ttl_days,
        @Schema(minimum = "0") @Nullable Integer long_code_weight,
        @Schema(minimum = "0") @Nullable Integer toll_free_weight,
        @Nullable Boolean skip_unhealthy,
        @Nullable Boolean two_way_enabled,
        @Nullable Boolean self_managed_opt_outs_enabled,
        @Nullable String opt_out_list_name,
        @Nullable Boolean shared_routes_enabled,
        @Nullable Boolean deletion_protection_enabled) {

    static final Set<String> SETTABLE = Set.of("name", "message_type", "fallback", "custom_from",
            "localized_sender_preferred", "geomatch", "sticky_sender", "sticky_ttl_days", "long_code_weight",
            "toll_free_weight", "skip_unhealthy", "two_way_enabled", "self_managed_opt_outs_enabled",
            "opt_out_list_name", "shared_routes_enabled", "deletion_protection_enabled");
    static final Set<String> READ_ONLY = Set.of("id", "status", "number_count", "providers", "version",
            "created_at", "updated_at");

    static PoolPatch toPatch(JsonBody.Reader body) {
        body.allowOnly(SETTABLE, READ_ONLY);
        PoolPatch patch = new PoolPatch(
                body.update("name", n -> body.value(n, PoolName::new)),
                body.update("message_type", n -> body.enumValue(n, MessageType.class)),
                body.update("fallback", n -> body.enumValue(n, Fallback.class)),
                body.update("custom_from", n -> body.value(n, CustomFrom::new)),
                body.update("localized_sender_preferred", body::bool),
                body.update("geomatch", body::bool),
                body.update("sticky_sender", body::bool),
                body.update("sticky_ttl_days", body::integer),
                body.update("long_code_weight", body::integer),
                body.update("toll_free_weight", body::integer),
                body.update("skip_unhealthy", body::bool),
                body.update("two_way_enabled", body::bool),
                body.update("self_managed_opt_outs_enabled", body::bool),
                body.update("opt_out_list_name", n -> body.value(n, OptOutListName::new)),
                body.update("shared_routes_enabled", body::bool),
                body.update("deletion_protection_enabled", body::bool));
        return body.done(patch);
    }
}
