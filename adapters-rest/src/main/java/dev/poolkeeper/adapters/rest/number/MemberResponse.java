package dev.poolkeeper.adapters.rest.number;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PoolMember;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The member object of api.md "Numbers in a pool". */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Member")
record MemberResponse(
        @Schema(example = "+14155550100") String number,
        @Schema(implementation = SendingProviderName.class) String provider,
        @Schema(allowableValues = {"long_code", "toll_free"}) String type,
        @Schema(description = "ISO 3166 alpha-2, derived from the number") String country,
        @Nullable String campaign_id,
        boolean two_way_capable,
        int weight,
        @Schema(allowableValues = {"healthy", "unhealthy", "unknown"}) String health,
        Instant added_at,
        @Nullable @Schema(description = "the account's connection the number belongs to; absent: the serving one")
        String connection_id) {

    static MemberResponse of(PoolMember m) {
        return new MemberResponse(m.number().e164(), m.provider().wireName(), m.type().wireName(), m.country(),
                m.campaign().map(CampaignId::value).orElse(null), m.twoWayCapable(), m.weight(),
                m.health().wireName(), m.addedAt(), m.connection().map(c -> c.value()).orElse(null));
    }
}
