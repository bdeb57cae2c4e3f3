package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.in.canary.ReconcileCanaryInboxesUseCase;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.canary.ProbeScheduleRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.ProbeSchedule;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.time.Duration;
import dev.poolkeeper.application.port.out.event.EventRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class ReconcileCanaryInboxesService implements ReconcileCanaryInboxesUseCase {
    private static final int BATCH = 100;
    private static final int ACTIVE_LIMIT = 1_000;
    private static final int FORGET_BATCH = 1_000;

    private final CanaryRentals rentals;
    private final ProbeScheduleRepository schedules;
    private final PoolEventRepository events;
    private final EventRepository accountEvents;
    private final ProbeRepository probes;
    private final Duration probeRetention;

    /**
     * @param probeRetention how long settled probes are kept (at least a day: the evidence a missing code is
     *                       judged on looks back that far)
     */
    public ReconcileCanaryInboxesService(CanaryRentals rentals, ProbeScheduleRepository schedules,
                                         PoolEventRepository events, EventRepository accountEvents,
                                         ProbeRepository probes, Duration probeRetention) {
        if (probeRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("probes must be kept at least a day, not " + probeRetention);
        }
        this.rentals = rentals;
        this.schedules = schedules;
        this.events = events;
        this.accountEvents = accountEvents;
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
            Optional<Integer> due = ExpiryWarnings.due(inbox, now);
            if (due.isPresent() && rentals.inboxes().warnOnce(inbox.id(), due.get())) {
                warnings.add(new Warning(inbox, due.get()));
                announce(inbox, due.get(), now);
            }
        }
        int forgotten = probes.deleteSettledBefore(now.minus(probeRetention), FORGET_BATCH);
        return new Round(changed, warnings, active, forgotten);
    }

    /** A {@code canary.inbox_expiring} event for the account, and in each pool whose probe schedule uses it. */
    private void announce(CanaryInbox inbox, int days, Instant now) {
        accountEvents.append(ExpiryWarnings.forAccount(inbox, days, now));
        for (ProbeSchedule schedule : schedules.usingInbox(inbox.id())) {
            if (rentals.inboxes().warnPoolOnce(inbox.id(), schedule.poolId(), days)) {
                events.append(ExpiryWarnings.forPool(inbox, schedule.poolId(), days, now));
            }
        }
    }
}
