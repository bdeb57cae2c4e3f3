package dev.poolkeeper.application.port.out.cluster;

import java.time.Instant;
import java.util.List;

/** The service instances running against the database, as their heartbeats tell. */
public interface InstanceRegistry {
    /**
     * Records that {@code instanceId} is alive at {@code now}, forgets instances silent since before
     * {@code forgetBefore}, and returns the ids of the instances (this one included) seen since
     * {@code aliveSince}, in order.
     */
    List<String> heartbeat(String instanceId, Instant now, Instant aliveSince, Instant forgetBefore);
}
