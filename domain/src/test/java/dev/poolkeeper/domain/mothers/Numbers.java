package dev.poolkeeper.domain.mothers;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.MemberRequest;

/** Object Mother for numbers and member requests; every number here is valid for libphonenumber. */
public final class Numbers {
    public static final CampaignId CAMPAIGN = new CampaignId("CABC123");
    public static final CampaignId OTHER_CAMPAIGN = new CampaignId("CXYZ999");

    private Numbers() {
    }

    /** The i-th valid US number in area code 415 ({@code +1415 2xx xxxx}). */
    public static String usNumber(int i) {
        return String.format("+1415%03d%04d", 200 + (i / 10_000) % 800, i % 10_000);
    }

    public static MemberRequest usLongCode(int i) {
        return new MemberRequest(usNumber(i), Provider.TELNYX, NumberType.LONG_CODE, CAMPAIGN, false, 1);
    }

    public static MemberRequest usLongCode(String number, CampaignId campaign) {
        return new MemberRequest(number, Provider.TELNYX, NumberType.LONG_CODE, campaign, false, 1);
    }

    public static MemberRequest twoWayUsLongCode(int i) {
        return new MemberRequest(usNumber(i), Provider.TELNYX, NumberType.LONG_CODE, CAMPAIGN, true, 1);
    }

    public static MemberRequest usTollFree(String number) {
        return new MemberRequest(number, Provider.VONAGE, null, null, false, 1);
    }

    public static MemberRequest ukLongCode(String number) {
        return new MemberRequest(number, Provider.PINPOINT, NumberType.LONG_CODE, null, false, 1);
    }

    /** The member a request makes, as stored. */
    public static dev.poolkeeper.domain.number.PoolMember member(MemberRequest r) {
        dev.poolkeeper.domain.number.PhoneNumber n = dev.poolkeeper.domain.number.PhoneNumber.parse(r.rawNumber());
        return new dev.poolkeeper.domain.number.PoolMember(n, r.provider(), r.type(), n.country(), r.campaignId(),
                r.twoWayCapable(), r.weight(), dev.poolkeeper.domain.number.NumberHealth.UNKNOWN,
                java.time.Instant.parse("2026-11-23T10:15:00Z"));
    }
}
