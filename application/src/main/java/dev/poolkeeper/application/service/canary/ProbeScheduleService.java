package dev.poolkeeper.application.service.canary;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.canary.ProbeSchedulesUseCase;
import dev.poolkeeper.application.port.in.canary.ProbesUseCase;
import dev.poolkeeper.application.port.out.canary.CanaryInboxRepository;
import dev.poolkeeper.application.port.out.canary.ProbeScheduleRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.CanaryInboxId;
import dev.poolkeeper.domain.canary.Probe;
import dev.poolkeeper.domain.canary.ProbeSchedule;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.poolkeeper.application.port.out.pool.PoolEventRepository;
import java.util.List;
import java.util.Optional;

public final class ProbeScheduleService implements ProbeSchedulesUseCase {
    private static final int BATCH = 20;

    private final ProbeScheduleRepository schedules;
    private final PoolRepository pools;
    private final CanaryInboxRepository inboxes;
    private final PoolEventRepository events;
    private final ProbeSender probes;
    private final Duration minInterval;
    private final Clock clock;

    /** @param minInterval the shortest interval a schedule may have: every run sends messages that cost money */
    public ProbeScheduleService(ProbeScheduleRepository schedules, PoolRepository pools, CanaryInboxRepository inboxes,
                                PoolEventRepository events, ProbeSender probes, Duration minInterval, Clock clock) {
        this.events = events;
        this.schedules = schedules;
        this.pools = pools;
        this.inboxes = inboxes;
        this.probes = probes;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    @Override
    public ProbeSchedule putProbeSchedule(Caller caller, PoolId poolId, CanaryInboxId inboxId, int sample,
                                          Duration interval) {
        if (sample < 1 || sample > ProbesUseCase.MAX_SAMPLE) {
            throw DomainException.invalidField("sample", "must be 1-" + ProbesUseCase.MAX_SAMPLE);
        }
        if (interval.compareTo(minInterval) < 0) {
            throw DomainException.invalidField("interval", "must be at least " + minInterval);
        }
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        CanaryInbox inbox = inboxes.find(caller.accountId(), inboxId)
                .orElseThrow(() -> CanaryInbox.notFound(inboxId.value()));
        Instant now = Times.now(clock);
        Optional<ProbeSchedule> before = schedules.find(caller.accountId(), poolId);
        ProbeSchedule schedule = new ProbeSchedule(caller.accountId(), poolId, inboxId, sample, interval, now,
                before.flatMap(ProbeSchedule::lastRunAt), before.flatMap(ProbeSchedule::lastResult),
                before.map(ProbeSchedule::createdAt).orElse(now), now);
        schedules.put(schedule);
        // an inbox already warned of its end: the pool that starts using it hears of it now
        boolean newInbox = before.map(b -> !b.inboxId().equals(inboxId)).orElse(true);
        // (the round giving the warning may see this schedule too: the pool is told by whichever comes first)
        ExpiryWarnings.due(inbox, now).filter(days -> newInbox && inboxes.warned(inboxId, days)
                        && inboxes.warnPoolOnce(inboxId, poolId, days))
                .ifPresent(days -> events.append(ExpiryWarnings.forPool(inbox, poolId, days, now)));
        return schedule;
    }

    @Override
    public ProbeSchedule getProbeSchedule(Caller caller, PoolId poolId) {
        return schedules.find(caller.accountId(), poolId).orElseThrow(() -> notFound(poolId));
    }

    @Override
    public void deleteProbeSchedule(Caller caller, PoolId poolId) {
        if (!schedules.delete(caller.accountId(), poolId)) {
            throw notFound(poolId);
        }
    }

    @Override
    public int runDueProbeSchedules() {
        int ran = 0;
        Instant now = Times.now(clock);
        for (ProbeSchedule due : schedules.due(now, BATCH)) {
            ProbeSchedule started = due.started(now);
            if (!schedules.update(started, due.nextRunAt())) {
                continue; // another instance started this run
            }
            String result;
            try {
                List<Probe> sent = probes.probe(due.accountId(), due.poolId(), due.inboxId(), due.sample());
                long failed = sent.stream().filter(p -> p.status() == Probe.Status.FAILED).count();
                result = sent.size() + " probes sent" + (failed > 0 ? ", " + failed + " not taken by the provider" : "");
            } catch (DomainException e) {
                result = "no probes sent: " + e.getMessage();
            }
            schedules.update(started.finished(result, Times.now(clock)), started.nextRunAt());
            ran++;
        }
        return ran;
    }

    private static DomainException notFound(PoolId poolId) {
        return new DomainException(ErrorCode.PROBE_SCHEDULE_NOT_FOUND, "pool " + poolId + " has no probe schedule");
    }
}
