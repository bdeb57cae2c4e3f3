package dev.poolkeeper.adapters.persistence.event;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.EventType;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The enabled endpoints of each account, with the event types they want: read by every event written, to
 * give each event its deliveries, and remembered for {@code poolkeeper.events.subscribers-cache-ttl} (1 s by
 * default), so that a busy account's events cost one read a second rather than one a write.
 *
 * <p>An endpoint created, changed or deleted on this instance is forgotten here once its transaction has
 * ended: the next event this instance writes sees the change. Events written on another instance see it
 * within the time to live — an endpoint created (or enabled, or given a type) there may miss the events
 * written meanwhile here. An endpoint disabled or deleted elsewhere gets no delivery for it whatever this
 * cache held: deliveries check their endpoint when they are made ({@code DeliverEventsService}).
 *
 * <p>What a read inside a transaction finds is used but not remembered: it sees the transaction's snapshot,
 * which may predate a change this instance has already forgotten. A read that raced a change (the change
 * ended while the read was under way) is not remembered either.
 */
@Singleton
final class EventSubscribers {
    /** Accounts remembered at most; beyond, the cache starts again empty. */
    private static final int MAX_ACCOUNTS = 10_000;

    /** An enabled endpoint: its id and the event types it wants (none named: all). */
    record Subscriber(String id, Set<String> types) {
        boolean wants(EventType type) {
            return types.isEmpty() || types.contains(type.wireName());
        }
    }

    private record Cached(List<Subscriber> subscribers, long readAt) {
    }

    private final Jdbc jdbc;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Counts the changes forgotten: a read that saw it move may have read what was before a change. */
    private final AtomicLong changes = new AtomicLong();

    EventSubscribers(Jdbc jdbc, @Value("${poolkeeper.events.subscribers-cache-ttl:PT1S}") Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("poolkeeper.events.subscribers-cache-ttl must not be negative");
        }
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    /** The subscribers of each of {@code accounts} (an empty list for an account without any). */
    Map<String, List<Subscriber>> of(Collection<String> accounts) {
        long now = System.nanoTime();
        Map<String, List<Subscriber>> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String account : accounts) {
            Cached cached = cache.get(account);
            if (cached != null && now - cached.readAt() < ttlNanos) {
                found.put(account, cached.subscribers());
            } else {
                missing.add(account);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long changesBefore = changes.get();
        boolean onSnapshot = jdbc.inTransaction();
        Map<String, List<Subscriber>> read = new HashMap<>();
        jdbc.readIn("SELECT account_id, id, event_types FROM event_endpoints WHERE enabled = TRUE AND account_id IN",
                rs -> Map.entry(rs.getString("account_id"), new Subscriber(rs.getString("id"),
                        types(rs.getString("event_types")))), List.of(), missing)
                .forEach(row -> read.computeIfAbsent(row.getKey(), a -> new ArrayList<>()).add(row.getValue()));
        for (String account : missing) {
            found.put(account, List.copyOf(read.getOrDefault(account, List.of())));
        }
        if (ttlNanos > 0 && !onSnapshot) {
            remember(missing, found, changesBefore, now);
        }
        return found;
    }

    /** Remembers what was read, unless a change ended while it was read (checked and put under one lock). */
    private synchronized void remember(Set<String> accounts, Map<String, List<Subscriber>> read, long changesBefore,
                                       long readAt) {
        if (changes.get() != changesBefore) {
            return;
        }
        if (cache.size() + accounts.size() > MAX_ACCOUNTS) {
            cache.clear();
        }
        for (String account : accounts) {
            cache.put(account, new Cached(read.get(account), readAt));
        }
    }

    /**
     * Forgets the account's subscribers once the current transaction (the one that changes an endpoint of
     * the account) has ended.
     */
    void changing(AccountId account) {
        jdbc.afterTransaction(() -> forget(account.value()));
    }

    private synchronized void forget(String account) {
        changes.incrementAndGet();
        cache.remove(account);
    }

    private static Set<String> types(String column) {
        return column.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(column.split(",")));
    }
}
