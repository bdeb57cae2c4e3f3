package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.Provider;
import java.util.Objects;

/**
 * One number a caller asks to add, as given. The number is still raw text: an invalid one is a
 * per-item failure of a bulk call, not a failure of the whole call. {@code type} and
 * {@code campaignId} may be null (type is then derived from the number).
 */
public record MemberRequest(String rawNumber, Provider provider, NumberType type, CampaignId campaignId,
                            boolean twoWayCapable, int weight) {
    public static final int DEFAULT_WEIGHT = 1;

    public MemberRequest {
        Objects.requireNonNull(provider, "provider");
    }
}
