package dev.poolkeeper.adapters.rest.number;

import dev.poolkeeper.adapters.rest.support.SendingProviderName;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.MemberRequest;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.pool.PoolMembership;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code {"numbers": [member, …]}}, 1 to 50 items. An item whose number is not a valid phone
 * number is a per-item failure; an item with a wrong type or unknown enum fails the whole request.
 */
@Serdeable
@Schema(name = "AddNumbers")
record AddNumbersRequest(@ArraySchema(maxItems = 50, minItems = 1) List<Item> numbers) {

    @Serdeable
    @Schema(name = "NewMember")
    record Item(
            @Schema(example = "+14155550100", requiredMode = Schema.RequiredMode.REQUIRED) String number,
            @Schema(implementation = SendingProviderName.class, requiredMode = Schema.RequiredMode.REQUIRED)
            String provider,
            @Schema(allowableValues = {"long_code", "toll_free"},
                    description = "derived from the number when absent") @Nullable String type,
            @Schema(description = "10DLC campaign; required for US long codes") @Nullable String campaign_id,
            @Nullable Boolean two_way_capable,
            @Schema(minimum = "1", maximum = "1000") @Nullable Integer weight,
            @Schema(description = "the account's connection to the provider this number belongs to, when it has"
                    + " several; the pool's numbers at one provider all name the same one (or none: the serving"
                    + " connection)") @Nullable String connection_id) {
    }

    private static final Set<String> SETTABLE = Set.of("number", "provider", "type", "campaign_id",
            "two_way_capable", "weight", "connection_id");
    private static final Set<String> READ_ONLY = Set.of("country", "health", "added_at");

    static List<MemberRequest> parse(JsonBody.Reader body) {
        body.allowOnly(Set.of("numbers"), Set.of());
        List<JsonBody.Reader> items = body.required("numbers", body::objects).orElse(null);
        if (items == null) {
            return body.done(List.of());
        }
        PoolMembership.checkBatchSize(items.size());
        List<MemberRequest> requests = new ArrayList<>(items.size());
        for (JsonBody.Reader item : items) {
            item.allowOnly(SETTABLE, READ_ONLY);
            String number = item.required("number", item::string).orElse(null);
            Provider provider = item.required("provider", n -> item.value(n, Provider::sender)).orElse(null);
            NumberType type = item.enumValue("type", NumberType.class).orElse(null);
            CampaignId campaign = item.value("campaign_id", CampaignId::new).orElse(null);
            boolean twoWay = item.bool("two_way_capable").orElse(false);
            int weight = item.integer("weight").orElse(MemberRequest.DEFAULT_WEIGHT);
            if (weight < 1 || weight > PoolMember.MAX_WEIGHT) {
                item.invalid("weight", "must be 1-" + PoolMember.MAX_WEIGHT);
            }
            Optional<ConnectionId> connection = item.value("connection_id", ConnectionId::new);
            if (number != null && provider != null) {
                requests.add(new MemberRequest(number, provider, type, campaign, twoWay, weight, connection));
            }
        }
        return body.done(requests);
    }
}
