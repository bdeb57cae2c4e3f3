package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may join or leave a pool, item by item, in request order. Each item gets its own outcome;
 * the rules are the membership rules of api.md "Numbers in a pool".
 */
public final class PoolMembership {
    public static final int MAX_BATCH = 50;

    private PoolMembership() {
    }

    /** A bulk call carries 1 to {@value #MAX_BATCH} items; otherwise nothing is looked at. */
    public static void checkBatchSize(int size) {
        if (size == 0) {
            throw DomainException.invalidField("numbers", "must contain at least one number");
        }
        if (size > MAX_BATCH) {
            throw new DomainException(ErrorCode.NUMBERS_LIMIT_EXCEEDED,
                    "at most " + MAX_BATCH + " numbers per call, got " + size);
        }
    }

    /** The numbers of a call that parse; invalid ones are left for {@link #admit} to report. */
    public static Set<PhoneNumber> parsable(Collection<String> raw) {
        Set<PhoneNumber> numbers = new LinkedHashSet<>();
        for (String r : raw) {
            tryParse(r).ifPresent(numbers::add);
        }
        return numbers;
    }

    public static List<MemberOutcome> admit(NumberPool pool, List<MemberRequest> requests,
                                            MembershipSnapshot snapshot, Instant now) {
        checkBatchSize(requests.size());
        CampaignMembershipPolicy campaigns = new CampaignMembershipPolicy(snapshot.poolCampaign());
        ConnectionMembershipPolicy connections = new ConnectionMembershipPolicy(snapshot.poolConnections());
        Set<PhoneNumber> seen = new HashSet<>();
        List<MemberOutcome> outcomes = new ArrayList<>(requests.size());
        for (MemberRequest request : requests) {
            outcomes.add(admitOne(pool, request, snapshot, campaigns, connections, seen, now));
        }
        return outcomes;
    }

    /**
     * A member changed in place, under the rules a new member meets: its type is what the number is, a
     * two-way pool takes only two-way capable numbers, a US long code needs a campaign and shares the one the
     * pool's other US long codes use ({@code othersCampaign}). Refusals are {@link DomainException}s.
     */
    public static PoolMember change(PoolSettings settings, PoolMember stored, MemberPatch patch,
                                    Optional<CampaignId> othersCampaign) {
        if (patch.type() != null && patch.type() != stored.type()) {
            throw new DomainException(ErrorCode.NUMBER_TYPE_MISMATCH, typeMismatch(stored.number(), patch.type()));
        }
        int weight = patch.weight() != null ? patch.weight() : stored.weight();
        if (weight < 1 || weight > PoolMember.MAX_WEIGHT) {
            throw DomainException.invalidField("weight", "must be 1-" + PoolMember.MAX_WEIGHT);
        }
        CampaignId campaign = patch.campaign() == null ? stored.campaign().orElse(null)
                : patch.campaign().isReset() ? null : patch.campaign().value();
        PoolMember changed = new PoolMember(stored.number(), stored.provider(), stored.type(), stored.country(),
                campaign, patch.twoWayCapable() != null ? patch.twoWayCapable() : stored.twoWayCapable(), weight,
                stored.health(), stored.addedAt(), stored.connection());
        Optional<Refusal> refusal = TwoWayMembershipPolicy.check(settings, changed)
                .or(() -> new CampaignMembershipPolicy(othersCampaign).check(changed));
        if (refusal.isPresent()) {
            throw new DomainException(refusal.get().code(), refusal.get().message());
        }
        return changed;
    }

    /** How a re-added member differs from the stored one: "provider telnyx (not vonage)", … */
    static List<String> differences(PoolMember stored, PoolMember asked) {
        List<String> out = new ArrayList<>();
        if (stored.provider() != asked.provider()) {
            out.add("provider " + stored.provider().wireName() + " (not " + asked.provider().wireName() + ")");
        }
        if (!stored.campaign().equals(asked.campaign())) {
            out.add("campaign_id " + stored.campaign().map(CampaignId::value).orElse("none") + " (not "
                    + asked.campaign().map(CampaignId::value).orElse("none") + ")");
        }
        if (stored.twoWayCapable() != asked.twoWayCapable()) {
            out.add("two_way_capable " + stored.twoWayCapable() + " (not " + asked.twoWayCapable() + ")");
        }
        if (stored.weight() != asked.weight()) {
            out.add("weight " + stored.weight() + " (not " + asked.weight() + ")");
        }
        return out;
    }

    /** Why a declared type is not what the number is, in the words of its country and kind. */
    public static String typeMismatch(PhoneNumber number, NumberType declared) {
        NumberType actual = NumberType.derivedFrom(number);
        return number + " is a " + (actual == NumberType.TOLL_FREE ? "toll-free number" : "long code ("
                + number.kind() + ")") + " of " + number.country() + ", not " + declared.wireName();
    }

    /** A number another pool of the account holds, naming that pool. */
    public static MemberOutcome inOtherPool(String requested, PhoneNumber number, PoolId otherPool) {
        return MemberOutcome.failed(requested, number, ErrorCode.NUMBER_IN_OTHER_POOL,
                number + " is already in pool " + otherPool.value() + " of this account");
    }

    private static MemberOutcome admitOne(NumberPool pool, MemberRequest request, MembershipSnapshot snapshot,
                                          CampaignMembershipPolicy campaigns, ConnectionMembershipPolicy connections,
                                          Set<PhoneNumber> seen, Instant now) {
        Optional<PhoneNumber> parsed = tryParse(request.rawNumber());
        if (parsed.isEmpty()) {
            return MemberOutcome.failed(request.rawNumber(), null, ErrorCode.NUMBER_INVALID,
                    "'" + request.rawNumber() + "' is not a valid phone number");
        }
        PhoneNumber number = parsed.get();
        if (!seen.add(number)) {
            return MemberOutcome.alreadyPresent(request.rawNumber(), number);
        }
        PoolId otherPool = snapshot.inOtherPools().get(number);
        if (otherPool != null) {
            return inOtherPool(request.rawNumber(), number, otherPool);
        }
        NumberType type = NumberType.derivedFrom(number);
        if (request.type() != null && request.type() != type) {
            return MemberOutcome.failed(request.rawNumber(), number, ErrorCode.NUMBER_TYPE_MISMATCH,
                    typeMismatch(number, request.type()));
        }
        PoolMember candidate = new PoolMember(number, request.provider(), type, number.country(),
                request.campaignId(), request.twoWayCapable(), request.weight(), NumberHealth.UNKNOWN, now,
                request.connection());
        PoolMember stored = snapshot.inThisPool().get(number);
        if (stored != null) {
            List<String> differences = differences(stored, candidate);
            return differences.isEmpty() ? MemberOutcome.alreadyPresent(request.rawNumber(), number)
                    : MemberOutcome.failed(request.rawNumber(), number, ErrorCode.NUMBER_CONFLICTS_WITH_MEMBER,
                            number + " is already in this pool with " + String.join(", ", differences)
                                    + "; change a member with PATCH …/numbers/" + number.e164());
        }
        Optional<Refusal> refusal = TwoWayMembershipPolicy.check(pool.settings(), candidate)
                .or(() -> campaigns.check(candidate)).or(() -> connections.check(candidate));
        if (refusal.isPresent()) {
            seen.remove(number);
            return MemberOutcome.failed(request.rawNumber(), number, refusal.get().code(), refusal.get().message());
        }
        campaigns.admitted(candidate);
        connections.admitted(candidate);
        return MemberOutcome.added(request.rawNumber(), candidate);
    }

    public static List<MemberOutcome> release(List<String> rawNumbers, Set<PhoneNumber> inThisPool) {
        checkBatchSize(rawNumbers.size());
        Set<PhoneNumber> removed = new HashSet<>();
        List<MemberOutcome> outcomes = new ArrayList<>(rawNumbers.size());
        for (String raw : rawNumbers) {
            Optional<PhoneNumber> parsed = tryParse(raw);
            if (parsed.isEmpty()) {
                outcomes.add(MemberOutcome.failed(raw, null, ErrorCode.NUMBER_INVALID,
                        "'" + raw + "' is not a valid phone number"));
            } else if (inThisPool.contains(parsed.get()) && removed.add(parsed.get())) {
                outcomes.add(MemberOutcome.removed(raw, parsed.get()));
            } else {
                outcomes.add(MemberOutcome.notFound(raw, parsed.get()));
            }
        }
        return outcomes;
    }

    private static Optional<PhoneNumber> tryParse(String raw) {
        try {
            return Optional.of(PhoneNumber.parse(raw));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
