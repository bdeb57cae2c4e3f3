package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;

/** A member as selection sees it. */
public record Candidate(PhoneNumber number, Provider provider, NumberType type, String country, String areaCode,
                        boolean twoWayCapable, int weight, NumberHealth health) {

    public static Candidate of(PoolMember m) {
        return new Candidate(m.number(), m.provider(), m.type(), m.country(), m.areaCode().orElse(null),
                m.twoWayCapable(), m.weight(), m.health());
    }

    public boolean isUnhealthy() {
        return health == NumberHealth.UNHEALTHY;
    }
}
