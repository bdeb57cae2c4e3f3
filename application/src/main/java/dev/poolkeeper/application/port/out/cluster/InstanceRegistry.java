package dev.poolkeeper.application.port.out.cluster;

import java.time.Instant;

/** The service instances running against the database, as their heartbeats tell. */
public interface InstanceRegistry {
    /**
     * Records that {@code instanceId} is alive at {@code now}, forgets instances silent since before
     * {@code forgetBefore}, and returns how many instances (this one included) were seen since {@code aliveSince}.
     */
    int heartbeat(String instanceId, Instant now, Instant aliveSince, Instant forgetBefore);
}
