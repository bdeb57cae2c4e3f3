package dev.poolkeeper.domain.number;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A number in a pool, with what selection needs to know about it.
 *
 * @param connection the account's connection the number belongs to at its provider; empty: the connection
 *                   that serves the account there (its oldest), or the instance's credentials
 */
public record PoolMember(PhoneNumber number, Provider provider, NumberType type, String country,
                         CampaignId campaignId, boolean twoWayCapable, int weight, NumberHealth health,
                         Instant addedAt, Optional<ConnectionId> connection) {
    public static final int MAX_WEIGHT = 1_000;

    public PoolMember {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(connection, "connection");
        if (!provider.sends()) {
            throw new IllegalArgumentException(provider.wireName() + " cannot send: its numbers cannot be pool members");
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be 1-" + MAX_WEIGHT);
        }
    }

    /** A member of the provider's serving connection. */
    public PoolMember(PhoneNumber number, Provider provider, NumberType type, String country, CampaignId campaignId,
                      boolean twoWayCapable, int weight, NumberHealth health, Instant addedAt) {
        this(number, provider, type, country, campaignId, twoWayCapable, weight, health, addedAt, Optional.empty());
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
