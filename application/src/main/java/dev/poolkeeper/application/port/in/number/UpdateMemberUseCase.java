package dev.poolkeeper.application.port.in.number;

import dev.poolkeeper.domain.number.PoolMember;

/**
 * Changes one member in place (weight, campaign, two-way capability, type) under the membership rules;
 * the change is a {@code number.updated} event, and selection sees it at once on every instance.
 */
public interface UpdateMemberUseCase {
    PoolMember updateMember(UpdateMemberCommand command);
}
