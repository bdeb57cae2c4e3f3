package dev.poolkeeper.domain.number;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A number in a pool, with what selection needs to know about it. */
public record PoolMember(PhoneNumber number, Provider provider, NumberType type, String country,
                         CampaignId campaignId, boolean twoWayCapable, int weight, NumberHealth health,
                         Instant addedAt) {
    public static final int MAX_WEIGHT = 1_000;

    public PoolMember {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(addedAt, "addedAt");
        if (!provider.sends()) {
            throw new IllegalArgumentException(provider.wireName() + " cannot send: its numbers cannot be pool members");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be 1-" + MAX_WEIGHT);
        }
    }

    public Optional<CampaignId> campaign() {
        return Optional.ofNullable(campaignId);
    }

    public Optional<String> areaCode() {
        return number.areaCode();
    }

    /** US long codes are 10DLC numbers: they need a registered campaign. */
    public boolean isUsLongCode() {
        return type == NumberType.LONG_CODE && "US".equals(country);
    }
}
