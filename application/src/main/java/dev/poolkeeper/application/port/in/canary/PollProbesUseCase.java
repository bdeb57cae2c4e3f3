package dev.poolkeeper.application.port.in.canary;

import dev.poolkeeper.domain.canary.CanaryInbox;
import dev.poolkeeper.domain.canary.Probe;
import java.util.List;

/**
 * The background round on awaited probes: each inbox with probes awaited is read once, codes that arrived
 * settle their probes as delivered, probes past their deadline as lost or inconclusive.
 */
public interface PollProbesUseCase {
    /** What a round did: the probes it settled, and the inboxes whose probes it paused (and why). */
    record Round(List<Probe> settled, List<CanaryInbox> paused) {
    }

    Round pollProbes();
}
