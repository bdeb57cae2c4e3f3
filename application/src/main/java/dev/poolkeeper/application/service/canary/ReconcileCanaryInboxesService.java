package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.in.canary.ReconcileCanaryInboxesUseCase;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.canary.ProbeScheduleRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.ProbeSchedule;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class ReconcileCanaryInboxesService implements ReconcileCanaryInboxesUseCase {
    private static final int BATCH = 100;
    private static final int ACTIVE_LIMIT = 1_000;
    /** How many days ahead an inbox's end is announced: a week to rent another, and a last call. */
    static final List<Integer> WARNINGS = List.of(7, 1);

    private static final int FORGET_BATCH = 1_000;

    private final CanaryRentals rentals;
    private final ProbeScheduleRepository schedules;
    private final PoolEventRepository events;
    private final ProbeRepository probes;
    private final Duration probeRetention;

    /**
     * @param probeRetention how long settled probes are kept (at least a day: the evidence a missing code is
     *                       judged on looks back that far)
     */
    public ReconcileCanaryInboxesService(CanaryRentals rentals, ProbeScheduleRepository schedules,
                                         PoolEventRepository events, ProbeRepository probes,
                                         Duration probeRetention) {
        if (probeRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("probes must be kept at least a day, not " + probeRetention);
        }
        this.rentals = rentals;
        this.schedules = schedules;
        this.events = events;
        this.probes = probes;
        this.probeRetention = probeRetention;
    }

    @Override
    public Round reconcileCanaryInboxes() {
        int changed = 0;
        for (CanaryInbox renting : rentals.inboxes().renting(BATCH)) {
            Optional<ProviderConnection> connection = rentals.connection(renting.connectionId());
            CanaryInbox now = connection.isEmpty()
                    ? rentals.moved(renting, renting.failed("its connection was deleted before the rental was"
                    + " confirmed; look in the provider's own console", rentals.now()))
                    : rentals.reconcile(renting, rentals.port(connection.get()));
            if (now.status() != CanaryInbox.Status.RENTING) {
                changed++;
            }
        }
        Instant now = rentals.now();
        for (CanaryInbox ended : rentals.inboxes().activeEndingBefore(now, BATCH)) {
            if (rentals.moved(ended, ended.expired("the rental ended", now)).status() == CanaryInbox.Status.EXPIRED) {
                changed++;
            }
        }
        List<Warning> warnings = new ArrayList<>();
        List<CanaryInbox> active = rentals.inboxes().active(ACTIVE_LIMIT);
        for (CanaryInbox inbox : active) {
            Instant ends = inbox.endsAt().orElseThrow();
            // the nearest warning due; a far one not given in time is not given late
            Optional<Integer> due = WARNINGS.stream().filter(d -> ends.isBefore(now.plus(Duration.ofDays(d))))
                    .min(Integer::compare);
            if (due.isPresent() && rentals.inboxes().warnOnce(inbox.id(), due.get())) {
                warnings.add(new Warning(inbox, due.get()));
                announce(inbox, due.get(), now);
            }
        }
        int forgotten = probes.deleteSettledBefore(now.minus(probeRetention), FORGET_BATCH);
        return new Round(changed, warnings, active, forgotten);
    }

    /** A {@code canary.inbox_expiring} event in each pool whose probe schedule uses the inbox. */
    private void announce(CanaryInbox inbox, int days, Instant now) {
        for (ProbeSchedule schedule : schedules.usingInbox(inbox.id())) {
            events.append(PoolEvent.bySystem(inbox.accountId(), schedule.poolId(), PoolEventType.CANARY_INBOX_EXPIRING,
                    now, Map.of("inbox_id", inbox.id().value()), Map.of("inbox_id", inbox.id().value(),
                            "ends_at", inbox.endsAt().orElseThrow().toString(), "within_days", days)));
        }
    }
}
