package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.util.Objects;
import java.util.Optional;

/**
 * One number a caller asks to add, as given. The number is still raw text: an invalid one is a
 * per-item failure of a bulk call, not a failure of the whole call. {@code type} and
 * {@code campaignId} may be null (type is then derived from the number); {@code connection} names the
 * account's connection the number belongs to, when it has several to the provider.
 */
public record MemberRequest(String rawNumber, Provider provider, NumberType type, CampaignId campaignId,
                            boolean twoWayCapable, int weight, Optional<ConnectionId> connection) {
    public static final int DEFAULT_WEIGHT = 1;

    public MemberRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(connection, "connection");
    }

    public MemberRequest(String rawNumber, Provider provider, NumberType type, CampaignId campaignId,
                         boolean twoWayCapable, int weight) {
        this(rawNumber, provider, type, campaignId, twoWayCapable, weight, Optional.empty());
    }
}
