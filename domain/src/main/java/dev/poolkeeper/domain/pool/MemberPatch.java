package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberType;

/**
 * A change to one member, as a merge patch: a {@code null} field is left as it is. {@code campaign} may
 * be reset (a number that needs none). The number and its provider do not change: remove and add instead.
 */
public record MemberPatch(Integer weight, Update<CampaignId> campaign, Boolean twoWayCapable, NumberType type) {
    public boolean isEmpty() {
        return weight == null && campaign == null && twoWayCapable == null && type == null;
    }
}
