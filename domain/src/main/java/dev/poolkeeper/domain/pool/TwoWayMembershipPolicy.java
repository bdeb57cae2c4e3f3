package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Optional;

/** A two-way pool takes only two-way-capable numbers, and a pool turns two-way only when all its members are. */
public final class TwoWayMembershipPolicy {
    private TwoWayMembershipPolicy() {
    }

    static Optional<Refusal> check(PoolSettings settings, PoolMember candidate) {
        if (settings.twoWayEnabled() && !candidate.twoWayCapable()) {
            return Optional.of(new Refusal(ErrorCode.NUMBER_TWO_WAY_REQUIRED,
                    "this pool is two-way; the number must be two_way_capable"));
        }
        return Optional.empty();
    }

    /**
     * Called before a pool is switched to two-way, with how many of its members are not two-way capable and
     * the first of them, which the refusal names.
     */
    public static void ensureCanBecomeTwoWay(long membersNotTwoWay, java.util.List<PhoneNumber> firstOfThem) {
        if (membersNotTwoWay > 0) {
            String named = String.join(", ", firstOfThem.stream().map(PhoneNumber::e164).toList())
                    + (membersNotTwoWay > firstOfThem.size() ? " and " + (membersNotTwoWay - firstOfThem.size())
                            + " more" : "");
            throw new DomainException(ErrorCode.POOL_MEMBERS_NOT_TWO_WAY, membersNotTwoWay
                    + " member(s) are not two-way capable (" + named + "); remove them or make them two_way_capable"
                    + " before enabling two_way_enabled");
        }
    }
}
