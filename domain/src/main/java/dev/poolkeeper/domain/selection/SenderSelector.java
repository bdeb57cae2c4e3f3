package dev.poolkeeper.domain.selection;

import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses the sender for one message, in this order: opt-out, eligibility (numbers of providers without
 * credentials on this instance are never candidates), sticky sender, geomatch, localized sender, fallback,
 * weighted spread. Each step is a small method that writes what
 * it did to the trace.
 */
public final class SenderSelector {
    private SenderSelector() {
    }

    public static Decision select(SelectionRequest request) {
        return new Run(request).decide();
    }

    /** The type weights of a pool, by {@link NumberType} ordinal. */
    static int[] typeWeights(PoolSettings s) {
        int[] weights = new int[TypeSpread.TYPES.length];
        weights[NumberType.LONG_CODE.ordinal()] = s.longCodeWeight();
        weights[NumberType.TOLL_FREE.ordinal()] = s.tollFreeWeight();
        return weights;
    }

    /**
     * What the eligibility step says, by eligible types (bits by ordinal), unhealthy numbers skipped and two-way
     * only: a few texts that every decision would otherwise build again. Filled as they are first needed; a
     * race builds the same text twice.
     */
    private static final String[] ELIGIBLE_NOTES = new String[(1 << TypeSpread.TYPES.length) * 4];

    private static String eligibleNote(int types, boolean skipUnhealthy, boolean twoWay) {
        int at = types << 2 | (skipUnhealthy ? 2 : 0) | (twoWay ? 1 : 0);
        String note = ELIGIBLE_NOTES[at];
        if (note == null) {
            List<String> names = new ArrayList<>();
            for (NumberType type : TypeSpread.TYPES) {
                if ((types & TypeSpread.bit(type)) != 0) {
                    names.add(type.wireName());
                }
            }
            note = "types " + names + (skipUnhealthy ? ", unhealthy numbers skipped" : "")
                    + (twoWay ? ", two-way capable only" : "");
            ELIGIBLE_NOTES[at] = note;
        }
        return note;
    }

    private static final class Run {
        private final SelectionRequest request;
        private final PoolSettings settings;
        private final PoolIndex index;
        private final List<TraceStep> trace = new ArrayList<>();
        private final int[] weights;
        /** The types with a positive weight, as bits by ordinal. */
        private final int eligibleTypes;
        private final Predicate<Candidate> usable = this::isUsable;
        private boolean budgetRefusedSomeone;
        private boolean providerRefusedSomeone;
        /** The recipient's mapping is valid, its sender only out of budget: another sender stands in once. */
        private boolean mappingKept;

        Run(SelectionRequest request) {
            this.request = request;
            this.settings = request.settings();
            this.index = request.index();
            this.weights = typeWeights(settings);
            int types = 0;
            for (NumberType type : TypeSpread.TYPES) {
                if (weights[type.ordinal()] > 0) {
                    types |= TypeSpread.bit(type);
                }
            }
            this.eligibleTypes = types;
        }

        Decision decide() {
            Optional<Decision> refused = optOut().or(this::eligibility);
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<Decision> sticky = sticky();
            if (sticky.isPresent()) {
                return sticky.get();
            }
            Decision.StickyAction action = !settings.stickySender() || mappingKept ? Decision.StickyAction.NONE
                    : request.sticky().isPresent() ? Decision.StickyAction.REPLACE : Decision.StickyAction.CREATE;
            boolean matchAsked = settings.geomatch() || settings.localizedSenderPreferred();
            boolean geomatchTried = false;
            if (settings.geomatch()) {
                geomatchTried = true;
                Optional<Decision> geo = geomatch(action);
                if (geo.isPresent()) {
                    return geo.get();
                }
            }
            if (settings.localizedSenderPreferred() || geomatchTried) {
                Optional<Decision> local = localized(action);
                if (local.isPresent()) {
                    return local.get();
                }
            }
            return matchAsked ? fallback(action) : weighted(action, Reason.WEIGHTED, "weighted");
        }

        private Optional<Decision> optOut() {
            if (settings.selfManagedOptOutsEnabled()) {
                trace.add(new TraceStep("opt_out", index.size(), "opt-outs are managed by the caller"));
                return Optional.empty();
            }
            if (request.optedOut()) {
                trace.add(new TraceStep("opt_out", 0, request.to() + " is on the pool's opt-out list"));
                return Optional.of(new Decision.Refused(ErrorCode.SELECTION_OPTED_OUT,
                        request.to() + " opted out of messages from this pool", trace));
            }
            trace.add(new TraceStep("opt_out", index.size(), "recipient has not opted out"));
            return Optional.empty();
        }

        private Optional<Decision> eligibility() {
            PoolIndex.Scope all = index.all();
            if (all.total() == 0) {
                trace.add(new TraceStep("eligible", 0, "the pool has no numbers"));
                return Optional.of(new Decision.Refused(ErrorCode.SELECTION_EMPTY_POOL, "the pool has no numbers",
                        trace));
            }
            int eligible = all.count(eligibleTypes, settings.skipUnhealthy());
            String note = eligibleNote(eligibleTypes, settings.skipUnhealthy(), settings.twoWayEnabled());
            trace.add(new TraceStep("eligible", eligible, note));
            if (eligible == 0) {
                return Optional.of(new Decision.Refused(ErrorCode.SELECTION_NO_HEALTHY_NUMBER,
                        "no number of the pool is eligible (" + note + ")", trace));
            }
            if (!request.unavailableProviders().isEmpty()) {
                trace.add(new TraceStep("providers", eligible, "numbers of " + providerNames()
                        + " are skipped: no credentials for them on this instance"));
            }
            return Optional.empty();
        }

        private String providerNames() {
            return request.unavailableProviders().stream().map(p -> p.wireName()).sorted().toList().toString();
        }

        private boolean isEligible(Candidate c) {
            return (eligibleTypes & TypeSpread.bit(c.type())) != 0
                    && (!settings.skipUnhealthy() || !c.isUnhealthy())
                    && (!settings.twoWayEnabled() || c.twoWayCapable());
        }

        private boolean isUsable(Candidate c) {
            if (settings.twoWayEnabled() && !c.twoWayCapable()) {
                return false;
            }
            if (!request.unavailableProviders().isEmpty() && request.unavailableProviders().contains(c.provider())) {
                providerRefusedSomeone = true;
                return false;
            }
            if (!request.withinBudget().test(c)) {
                budgetRefusedSomeone = true;
                return false;
            }
            return true;
        }

        private Optional<Decision> sticky() {
            if (!settings.stickySender()) {
                return Optional.empty();
            }
            if (request.sticky().isEmpty()) {
                trace.add(new TraceStep("sticky", 0, "no sender yet for this recipient"));
                return Optional.empty();
            }
            StickyMapping mapping = request.sticky().get();
            if (mapping.isExpired(settings.stickyTtlDays(), request.now())) {
                trace.add(new TraceStep("sticky", 0, mapping.sender() + " unused for " + settings.stickyTtlDays()
                        + " days: expired, picking again"));
                return Optional.empty();
            }
            Optional<Candidate> member = index.member(mapping.sender());
            if (member.isEmpty()) {
                trace.add(new TraceStep("sticky", 0, mapping.sender() + " left the pool: picking again"));
                return Optional.empty();
            }
            if (request.unavailableProviders().contains(member.get().provider())) {
                trace.add(new TraceStep("sticky", 0, mapping.sender() + " is a " + member.get().provider().wireName()
                        + " number and " + member.get().provider().wireName() + " has no credentials on this instance:"
                        + " another sender this time, the mapping is kept"));
                mappingKept = true;
                return Optional.empty();
            }
            if (!isEligible(member.get())) {
                trace.add(new TraceStep("sticky", 0, mapping.sender() + " is no longer eligible ("
                        + member.get().health().wireName() + ", " + member.get().type().wireName()
                        + "): picking again"));
                return Optional.empty();
            }
            if (!isUsable(member.get())) {
                mappingKept = true;
                trace.add(new TraceStep("sticky", 0, mapping.sender()
                        + " is out of its send budget: another sender this time, the mapping is kept"));
                return Optional.empty();
            }
            trace.add(new TraceStep("sticky", 1, "recipient keeps " + mapping.sender()));
            return Optional.of(new Decision.Selected(member.get(), Reason.STICKY, Decision.StickyAction.TOUCH,
                    trace));
        }

        private Optional<Decision> geomatch(Decision.StickyAction action) {
            Optional<String> area = request.to().areaCode();
            if (area.isEmpty()) {
                trace.add(new TraceStep("geomatch", 0, "recipient is not a NANP number"));
                return Optional.empty();
            }
            return pickIn(index.areaCode(area.get()), "geomatch", "area code ", area.get(),
                    Reason.GEOMATCH_AREA_CODE, action);
        }

        private Optional<Decision> localized(Decision.StickyAction action) {
            String country = request.to().country();
            return pickIn(index.country(country), "localized", "country ", country, Reason.LOCALIZED_COUNTRY,
                    action);
        }

        private Decision fallback(Decision.StickyAction action) {
            Fallback fallback = settings.fallback();
            return switch (fallback) {
                case POOL -> weighted(action, Reason.FALLBACK_POOL, "fallback");
                case CUSTOM_FROM -> {
                    if (!request.alphanumeric().allowsRecipientIn(request.to().country())) {
                        trace.add(new TraceStep("fallback", 0, "no match; alphanumeric senders are not allowed to "
                                + request.to().country() + " recipients: choosing from the whole pool instead"));
                        yield weighted(action, Reason.FALLBACK_POOL, "fallback");
                    }
                    trace.add(new TraceStep("fallback", 0, "no match: sending from the alphanumeric sender "
                            + settings.customFrom()));
                    yield new Decision.AlphanumericSender(settings.customFrom(), trace);
                }
                case REJECT -> {
                    trace.add(new TraceStep("fallback", 0, "no match and the pool's fallback is reject"));
                    yield new Decision.Refused(ErrorCode.SELECTION_REJECTED,
                            "no number of the pool matches " + request.to() + " and the pool's fallback is reject",
                            trace);
                }
            };
        }

        private Decision weighted(Decision.StickyAction action, Reason reason, String step) {
            return pickIn(index.all(), step, "the whole pool", "", reason, action).orElseGet(() ->
                    budgetRefusedSomeone
                            ? new Decision.Refused(ErrorCode.SELECTION_CAPACITY_EXHAUSTED,
                                    "every eligible number is out of its send budget; retry shortly", trace)
                            : providerRefusedSomeone
                            ? new Decision.Refused(ErrorCode.SELECTION_PROVIDER_NOT_CONFIGURED,
                                    "the eligible numbers belong to providers without credentials on this instance ("
                                            + providerNames() + ")", trace)
                            : new Decision.Refused(ErrorCode.SELECTION_NO_HEALTHY_NUMBER,
                                    "no eligible number is available", trace));
        }

        /**
         * Weighted spread within one scope: the type by the pool's ratio, then the number by its weight. The trace
         * names the scope as {@code scopeKind + scopeValue} ({@code area code 415}).
         */
        private Optional<Decision> pickIn(PoolIndex.Scope scope, String step, String scopeKind, String scopeValue,
                                          Reason reason, Decision.StickyAction action) {
            int available = 0;
            for (NumberType type : TypeSpread.TYPES) {
                if ((eligibleTypes & TypeSpread.bit(type)) != 0
                        && scope.ring(type, settings.skipUnhealthy()).size() > 0) {
                    available |= TypeSpread.bit(type);
                }
            }
            int candidates = scope.count(available, settings.skipUnhealthy());
            while (available != 0) {
                NumberType type = index.typeSpread().next(weights, available);
                WeightedRing ring = scope.ring(type, settings.skipUnhealthy());
                int at = ring.next(usable);
                if (at >= 0) {
                    trace.add(new TraceStep(step, candidates, ring.describe(at, scopeKind, scopeValue, type)));
                    return Optional.of(new Decision.Selected(ring.candidate(at), reason, action, trace));
                }
                available &= ~TypeSpread.bit(type);
            }
            trace.add(new TraceStep(step, candidates, candidates == 0 ? scopeKind + scopeValue + ": no eligible number"
                    : scopeKind + scopeValue + ": every eligible number is out of its send budget"));
            return Optional.empty();
        }
    }
}
