package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.Optional;

/**
 * 10DLC: every US long code needs a campaign, and all US long codes of one pool share one campaign
 * (carriers, and Vonage's pools, require it). Stateful across one bulk call: the first US long code
 * admitted into an empty pool sets the campaign the rest of the call must match.
 */
final class CampaignMembershipPolicy {
    private Optional<CampaignId> poolCampaign;

    CampaignMembershipPolicy(Optional<CampaignId> poolCampaign) {
        this.poolCampaign = poolCampaign;
    }

    /** Empty when the member may join; otherwise the refusal. */
    Optional<Refusal> check(PoolMember candidate) {
        if (!candidate.isUsLongCode()) {
            return Optional.empty();
        }
        if (candidate.campaign().isEmpty()) {
            return Optional.of(new Refusal(ErrorCode.NUMBER_CAMPAIGN_REQUIRED,
                    "US long codes need a 10DLC campaign_id"));
        }
        if (poolCampaign.isPresent() && !poolCampaign.get().equals(candidate.campaignId())) {
            return Optional.of(new Refusal(ErrorCode.NUMBER_CAMPAIGN_MISMATCH,
                    "the US long codes of this pool use campaign " + poolCampaign.get()
                            + ", not " + candidate.campaignId()));
        }
        return Optional.empty();
    }

    void admitted(PoolMember member) {
        if (member.isUsLongCode() && poolCampaign.isEmpty()) {
            poolCampaign = member.campaign();
        }
    }
}
