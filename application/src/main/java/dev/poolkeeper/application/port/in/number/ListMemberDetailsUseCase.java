package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.PoolMember;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool's numbers as an operator inspects them: each with the receipts its health is judged on, since when
 * that health holds, until when an unhealthy number rests, and the send budget it is held to.
 */
public interface ListMemberDetailsUseCase {
    Page<MemberDetail> listMemberDetails(ListNumbersQuery query);

    /**
     * @param window            the number's recent final receipts (its delivered share, out of how many)
     * @param healthSince       when its health last changed; empty if it never has
     * @param restsUntil        for an unhealthy number: when it is given another chance
     * @param messagesPerSecond the carrier rate its sends are paced to
     */
    record MemberDetail(PoolMember member, HealthWindow window, Optional<Instant> healthSince,
                        Optional<Instant> restsUntil, double messagesPerSecond) {
        public MemberDetail {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(healthSince, "healthSince");
            Objects.requireNonNull(restsUntil, "restsUntil");
        }
    }
}
