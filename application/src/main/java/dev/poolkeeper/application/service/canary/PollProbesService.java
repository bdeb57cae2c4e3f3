package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.in.canary.PollProbesUseCase;
import dev.poolkeeper.application.port.out.canary.InboxRentalException;
import dev.poolkeeper.application.port.out.cluster.SharedCallBudget;
import dev.poolkeeper.application.port.out.canary.InboxRentalPort;
import dev.poolkeeper.application.port.out.canary.ProbeRepository;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.health.HealthJudge;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.pool.PoolEvent;
import dev.poolkeeper.domain.pool.PoolEventType;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads each inbox with awaited probes once a round. A code that arrived settles its probe as delivered;
 * a probe past its deadline is lost — the number's failure, counted in its health like an undelivered
 * receipt — only when another number's probe reached the same inbox within the evidence window. Otherwise
 * nothing shows the inbox receives anything: the probe is inconclusive and the inbox's probes are paused,
 * so a broken inbox never marks a pool's numbers unhealthy. Of what an inbox received only the matched codes
 * are kept; the texts are neither stored nor logged (a recycled number receives other people's codes). The
 * reads of one connection, across every instance, take at most half of its provider's rate limit.
 */
public final class PollProbesService implements PollProbesUseCase {
    private static final int BATCH = 500;
    private static final double READ_SHARE = 0.5;
    private static final double READ_BURST = 5;

    private final CanaryRentals rentals;
    private final ProbeRepository probes;
    private final HealthJudge judge;
    private final TransactionRunner tx;
    private final PoolEventRepository events;
    private final SharedCallBudget calls;
    private final Duration evidenceWindow;
    /** Connections the provider asked to wait for (Retry-After), until when. */
    private final Map<ConnectionId, Instant> waiting = new ConcurrentHashMap<>();

    /**
     * @param evidenceWindow how recent another number's delivered probe to the same inbox must be for a
     *                       missing code to count against the number
     */
    public PollProbesService(CanaryRentals rentals, ProbeRepository probes, HealthJudge judge, TransactionRunner tx,
                             PoolEventRepository events, SharedCallBudget calls, Duration evidenceWindow) {
        this.events = events;
        this.calls = calls;
        this.rentals = rentals;
        this.probes = probes;
        this.judge = judge;
        this.tx = tx;
        this.evidenceWindow = evidenceWindow;
    }

    @Override
    public Round pollProbes() {
        List<Probe> settled = new ArrayList<>();
        List<CanaryInbox> paused = new ArrayList<>();
        Map<CanaryInboxId, List<Probe>> byInbox = probes.awaited(BATCH).stream()
                .collect(Collectors.groupingBy(Probe::inboxId, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<CanaryInboxId, List<Probe>> entry : byInbox.entrySet()) {
            List<Probe> awaited = entry.getValue();
            Optional<CanaryInbox> found = rentals.inboxes().find(awaited.get(0).accountId(), entry.getKey());
            if (found.isEmpty() || found.get().status() != CanaryInbox.Status.ACTIVE) {
                awaited.forEach(p -> settle(p, p.inconclusive("the inbox is no longer active"), settled));
                continue;
            }
            poll(found.get(), awaited, settled, paused);
        }
        return new Round(settled, paused);
    }

    private void poll(CanaryInbox inbox, List<Probe> awaited, List<Probe> settled, List<CanaryInbox> paused) {
        Instant now = rentals.now();
        Optional<ProviderConnection> connection = rentals.connection(inbox.connectionId());
        if (connection.isEmpty()) {
            awaited.forEach(p -> settle(p, p.inconclusive("the inbox's connection was deleted"), settled));
            return;
        }
        if (waiting.getOrDefault(inbox.connectionId(), Instant.MIN).isAfter(now)) {
            return;
        }
        // every instance reads inboxes: the reads of one key share half its rate limit, the rest is left to
        // rentals and options asked for through the API
        if (!calls.tryTake("inbox-reads:" + inbox.connectionId().value(),
                rentals.callsPerSecond(connection.get()) * READ_SHARE, READ_BURST, now)) {
            return;
        }
        List<InboxRentalPort.InboxSms> received;
        try {
            received = rentals.port(connection.get()).inbox(inbox.rentalId().orElseThrow());
        } catch (InboxRentalException e) {
            unreadable(inbox, awaited, e, now, settled, paused);
            return;
        }
        Map<String, Instant> arrived = new HashMap<>();
        for (InboxRentalPort.InboxSms sms : received) {
            Probe.codesIn(sms.body()).forEach(code -> arrived.putIfAbsent(code, sms.at()));
        }
        List<Probe> overdue = new ArrayList<>();
        for (Probe probe : awaited) {
            Instant at = arrived.get(probe.code());
            if (at != null) {
                settle(probe, probe.delivered(at), settled);
            } else if (now.isAfter(probe.deadline())) {
                overdue.add(probe);
            }
        }
        boolean broken = false;
        for (Probe probe : overdue) {
            if (probes.arrivedFromAnotherNumber(inbox.id(), probe.from(), now.minus(evidenceWindow))) {
                settle(probe, probe.lost(), settled);
            } else {
                broken = true;
                settle(probe, probe.inconclusive("no probe from any number reached this inbox in "
                        + evidenceWindow.toHours() + " h: the inbox, not the number, looks broken"), settled);
            }
        }
        if (broken) {
            pause(inbox, "no probe from any of the pool's numbers reached it (NumPool does not promise that every"
                    + " sender reaches an inbox rented for a service); rent one for another service, or resume", now,
                    paused, pools(overdue));
        }
    }

    private void unreadable(CanaryInbox inbox, List<Probe> awaited, InboxRentalException e, Instant now,
                            List<Probe> settled, List<CanaryInbox> paused) {
        switch (e.failure()) {
            case NOT_FOUND -> {
                rentals.moved(inbox, inbox.expired("the provider no longer has the rental", now));
                awaited.forEach(p -> settle(p, p.inconclusive("the rental ended before the code could be read"),
                        settled));
            }
            case UNAUTHORIZED, INSUFFICIENT_BALANCE -> {
                // the connection, not this inbox, is refused: no inbox of it is read or probed until resumed
                String why = CanaryRentals.problem(e).getMessage();
                Set<PoolId> pools = pools(awaited);
                rentals.inboxes().activeOf(inbox.connectionId()).forEach(other -> pause(other, why, now, paused,
                        other.id().equals(inbox.id()) ? pools : Set.of()));
                awaited.forEach(p -> settle(p, p.inconclusive("the inbox could not be read: " + why), settled));
            }
            default -> {
                e.retryAfter().ifPresent(wait -> waiting.put(inbox.connectionId(), now.plus(wait)));
                for (Probe p : awaited) {
                    if (now.isAfter(p.deadline().plus(Duration.between(p.sentAt(), p.deadline())))) {
                        settle(p, p.inconclusive("the inbox could not be read in time: " + e.getMessage()), settled);
                    }
                }
            }
        }
    }

    /** Pauses the inbox's probes, with a {@code canary.inbox_paused} event in each pool whose probes showed it. */
    private void pause(CanaryInbox inbox, String why, Instant now, List<CanaryInbox> paused, Set<PoolId> pools) {
        CanaryInbox current = rentals.inboxes().find(inbox.accountId(), inbox.id()).orElse(inbox);
        if (current.probesPaused().isPresent()) {
            return;
        }
        CanaryInbox pausedInbox = current.withProbesPaused(Optional.of(why), now);
        if (rentals.inboxes().update(pausedInbox, current.status())) {
            paused.add(pausedInbox);
            for (PoolId pool : pools) {
                events.append(PoolEvent.bySystem(inbox.accountId(), pool, PoolEventType.CANARY_INBOX_PAUSED, now,
                        Map.of("inbox_id", inbox.id().value()), Map.of("inbox_id", inbox.id().value(), "reason", why)));
            }
        }
    }

    private static Set<PoolId> pools(List<Probe> probes) {
        return probes.stream().map(Probe::poolId).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Settles the probe unless another instance did; a delivered or lost probe counts in its number's health. */
    private void settle(Probe awaited, Probe outcome, List<Probe> settled) {
        boolean counts = outcome.status() == Probe.Status.DELIVERED || outcome.status() == Probe.Status.LOST;
        boolean mine = tx.inTransaction(() -> {
            if (!probes.update(outcome, Probe.Status.SENT)) {
                return false;
            }
            if (counts) {
                judge.judge(outcome.accountId(), outcome.from(), outcome.status() == Probe.Status.DELIVERED, "probe",
                        rentals.now());
            }
            return true;
        });
        if (mine) {
            settled.add(outcome);
        }
    }
}
