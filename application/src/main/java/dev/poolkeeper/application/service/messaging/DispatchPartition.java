package dev.poolkeeper.application.service.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which senders this instance dispatches: with several instances alive, each sender belongs to one of them
 * (rendezvous hashing of the sender over the alive instances' ids), so all of a number's sends go out from
 * one instance and its pacing ({@code SendPacing}) sees them all. When an instance joins or leaves only the
 * senders that hash to it move.
 *
 * <p>The instances learn of a change at their own heartbeats, up to an interval apart. So a sender this
 * instance gains from an instance that is still alive is left alone for a {@code handover} (two heartbeat
 * intervals and a second): by then the other one has seen the change, stopped claiming the sender's messages
 * and sent what it had claimed, and the two never send one number's messages together. A sender gained from
 * an instance that is no longer alive (silent for three intervals) is taken at once. An instance dispatches
 * nothing before its first heartbeat, and one that has just started beside others takes its share only after
 * the handover; alone, it takes everything at once.
 */
public final class DispatchPartition {
    private final Clock clock;
    private final Duration handover;
    private volatile View view = new View(List.of(), "", null, Instant.MIN);

    /** Who is alive now, who was before the last change ({@code null}: nobody known, a fresh start), and since when. */
    private record View(List<String> alive, String self, List<String> before, Instant since) {
    }

    /** @param handover how long a sender gained from a live instance waits: two heartbeat intervals and a second */
    public DispatchPartition(Clock clock, Duration handover) {
        this.clock = clock;
        this.handover = handover;
    }

    /** The handover for a heartbeat interval: two of them and a second. */
    public static Duration handoverFor(Duration heartbeatInterval) {
        return heartbeatInterval.multipliedBy(2).plusSeconds(1);
    }

    /** An instance that knows it is alone (tests of one instance): it dispatches every sender. */
    public static DispatchPartition alone(Clock clock) {
        DispatchPartition partition = new DispatchPartition(clock, Duration.ZERO);
        partition.alive(List.of("alone"), "alone");
        return partition;
    }

    /** The instances alive, this one ({@code self}) among them, as this instance's heartbeat just saw them. */
    public synchronized void alive(List<String> instances, String self) {
        Objects.requireNonNull(self, "self");
        List<String> now = List.copyOf(instances);
        View current = view;
        if (!now.equals(current.alive()) || !self.equals(current.self())) {
            view = new View(now, self, current.self().isEmpty() ? null : current.alive(), clock.instant());
        }
    }

    /** Whether this instance dispatches the messages of {@code sender} (a number in E.164, or a sender name). */
    public boolean owns(String sender) {
        View v = view;
        if (v.self().isEmpty()) {
            return false; // no heartbeat yet: who else is sending is not known
        }
        if (v.alive().size() < 2 && v.before() == null) {
            return true; // alone from the start
        }
        if (!v.self().equals(owner(v.alive(), v.self(), sender))) {
            return false;
        }
        if (!clock.instant().isBefore(v.since().plus(handover))) {
            return true;
        }
        if (v.before() == null) {
            return false; // just started beside others: they may still be sending it
        }
        String before = owner(v.before(), v.self(), sender);
        return before.equals(v.self()) || !v.alive().contains(before);
    }

    /** The instance among {@code instances} that wins {@code sender}; {@code self} when it is alone or unlisted. */
    private static String owner(List<String> instances, String self, String sender) {
        if (instances.size() < 2 || !instances.contains(self)) {
            return self;
        }
        String owner = self;
        long best = Long.MIN_VALUE;
        for (String instance : instances) {
            long weight = weight(instance, sender);
            if (weight > best || weight == best && instance.compareTo(owner) < 0) {
                best = weight;
                owner = instance;
            }
        }
        return owner;
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
