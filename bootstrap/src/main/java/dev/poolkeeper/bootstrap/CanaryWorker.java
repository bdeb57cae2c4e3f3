package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.in.canary.PollProbesUseCase;
import dev.poolkeeper.application.port.in.canary.ProbeSchedulesUseCase;
import dev.poolkeeper.application.port.in.canary.ReconcileCanaryInboxesUseCase;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.Probe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code POOLKEEPER_CANARY_CHECK_INTERVAL}: rentals whose answer was lost are looked for in the
 * provider's list and ended rentals are marked expired; every {@code POOLKEEPER_CANARY_POLL_INTERVAL}, due
 * probe schedules run and the inboxes with awaited probes are read. State changes are compare-and-sets on the rows, so instances doing
 * the same round do not step on each other. Metrics: {@code poolkeeper.canary.probes} by result,
 * {@code poolkeeper.canary.probe.latency}, {@code poolkeeper.canary.inboxes.paused},
 * {@code poolkeeper.canary.inbox.days_left} per active inbox, {@code poolkeeper.canary.inbox.expiry_warnings}.
 */
@Context
final class CanaryWorker {
    private static final Logger LOG = LoggerFactory.getLogger(CanaryWorker.class);

    private final ReconcileCanaryInboxesUseCase reconcile;
    private final PollProbesUseCase poll;
    private final ProbeSchedulesUseCase schedules;
    private final MeterRegistry registry;
    private final Timer latency;
    /** The days-left gauge of each active inbox, by inbox id. */
    private final Map<String, AtomicLong> daysLeft = new ConcurrentHashMap<>();

    CanaryWorker(ReconcileCanaryInboxesUseCase reconcile, PollProbesUseCase poll, ProbeSchedulesUseCase schedules,
                 MeterRegistry registry) {
        this.reconcile = reconcile;
        this.poll = poll;
        this.schedules = schedules;
        this.registry = registry;
        this.latency = Timer.builder("poolkeeper.canary.probe.latency")
                .description("from a probe's send to its code in the canary inbox").register(registry);
    }

    @Scheduled(fixedDelay = "${poolkeeper.canary.check-interval:30s}",
            initialDelay = "${poolkeeper.canary.check-interval:30s}")
    void reconcile() {
        ReconcileCanaryInboxesUseCase.Round round;
        try {
            round = reconcile.reconcileCanaryInboxes();
        } catch (RuntimeException e) {
            LOG.warn("canary inboxes could not be reconciled this round: {}", e.toString());
            return;
        }
        if (round.changed() > 0) {
            LOG.info("{} canary inboxes changed state", round.changed());
        }
        if (round.probesForgotten() > 0) {
            LOG.info("{} settled probes past their retention were forgotten", round.probesForgotten());
        }
        for (ReconcileCanaryInboxesUseCase.Warning warning : round.warnings()) {
            registry.counter("poolkeeper.canary.inbox.expiry_warnings", "within_days",
                    String.valueOf(warning.days())).increment();
            LOG.warn("canary inbox ends within {} days inbox={} account={} ends_at={}", warning.days(),
                    warning.inbox().id(), warning.inbox().accountId(), warning.inbox().endsAt().orElse(null));
        }
        Instant now = Instant.now();
        Map<String, Long> current = new HashMap<>();
        round.active().forEach(inbox -> current.put(inbox.id().value(), inbox.daysLeft(now)));
        current.forEach((id, days) -> daysLeft.computeIfAbsent(id, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("poolkeeper.canary.inbox.days_left", value, AtomicLong::get).tag("inbox", k)
                    .description("whole days until the canary inbox's rental ends").register(registry);
            return value;
        }).set(days));
        daysLeft.keySet().removeIf(id -> {
            if (current.containsKey(id)) {
                return false;
            }
            registry.find("poolkeeper.canary.inbox.days_left").tag("inbox", id).meters().forEach(registry::remove);
            return true;
        });
    }

    @Scheduled(fixedDelay = "${poolkeeper.canary.poll-interval:15s}",
            initialDelay = "${poolkeeper.canary.poll-interval:15s}")
    void poll() {
        try {
            int ran = schedules.runDueProbeSchedules();
            if (ran > 0) {
                LOG.info("{} probe schedules ran", ran);
            }
        } catch (RuntimeException e) {
            LOG.warn("probe schedules could not run this round: {}", e.toString());
        }
        PollProbesUseCase.Round round;
        try {
            round = poll.pollProbes();
        } catch (RuntimeException e) {
            LOG.warn("canary inboxes could not be read this round: {}", e.toString());
            return;
        }
        for (Probe probe : round.settled()) {
            registry.counter("poolkeeper.canary.probes", "result", probe.status().wireName(),
                    "provider", probe.provider().wireName()).increment();
            probe.latency().ifPresent(latency::record);
            LOG.info("probe settled probe={} pool={} from={} result={}", probe.id(), probe.poolId(), probe.from().e164(),
                    probe.status().wireName());
        }
        for (CanaryInbox inbox : round.paused()) {
            registry.counter("poolkeeper.canary.inboxes.paused").increment();
            LOG.warn("canary inbox probes paused inbox={} account={} reason={}", inbox.id(), inbox.accountId(),
                    inbox.probesPaused().orElse(""));
        }
    }
}
