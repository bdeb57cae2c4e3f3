package dev.poolkeeper.application.service.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Which senders this instance dispatches: with several instances alive, each sender belongs to one of them
 * (rendezvous hashing of the sender over the alive instances' ids), so all of a number's sends go out from
 * one instance and its pacing (one second after its rate's count of sends before returned, see
 * {@code SendPacing}) holds across the cluster. When an instance joins or leaves only the senders that
 * hash to it move. Until the heartbeat has said who is alive, and while this instance is alone, it owns every
 * sender. During the seconds after a change in which two instances' views differ, a sender may be owned by
 * both (the budget they share still holds its rate) or by neither (its messages wait for the next heartbeat).
 */
public final class DispatchPartition {
    private volatile List<String> alive = List.of();
    private volatile String self = "";

    /** The instances alive, this one ({@code self}) among them. */
    public void alive(List<String> instances, String self) {
        this.alive = List.copyOf(instances);
        this.self = Objects.requireNonNull(self, "self");
    }

    /** Whether this instance dispatches the messages of {@code sender} (a number in E.164, or a sender name). */
    public boolean owns(String sender) {
        List<String> instances = alive;
        String me = self;
        if (instances.size() < 2 || !instances.contains(me)) {
            return true;
        }
        String owner = me;
        long best = Long.MIN_VALUE;
        for (String instance : instances) {
            long weight = weight(instance, sender);
            if (weight > best || weight == best && instance.compareTo(owner) < 0) {
                best = weight;
                owner = instance;
            }
        }
        return owner.equals(me);
    }

    /** A well-mixed 64-bit hash of the pair (FNV-1a, then a finalizer). */
    private static long weight(String instance, String sender) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (instance + '\n' + sender).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
