package dev.poolkeeper.domain.number;

import dev.poolkeeper.domain.provider.Provider;
import java.util.Optional;

/** Which members of a pool a listing shows: every present criterion must match. */
public record MemberFilter(Optional<String> country, Optional<Provider> provider, Optional<NumberType> type,
                           Optional<NumberHealth> health) {
    public static MemberFilter none() {
        return new MemberFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
