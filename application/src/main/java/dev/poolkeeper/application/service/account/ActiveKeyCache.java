package dev.poolkeeper.application.service.account;

import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API keys this instance found active, each for {@code ttl}, by the hash of the key: a busy client costs
 * one look-up a {@code ttl} instead of one a request. Revoking a key forgets it here at once, so the
 * instance that revoked it refuses it on the very next request; other instances refuse it within
 * {@code ttl}. Unknown keys are never remembered.
 */
public final class ActiveKeyCache {
    private static final int MAX_CACHED_KEYS = 10_000;

    private record Cached(ApiKey key, Instant until) {
    }

    private final Duration ttl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public ActiveKeyCache(Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the cache time must not be negative");
        }
        this.ttl = ttl;
    }

    Optional<ApiKey> find(String hash, Instant now) {
        Cached cached = cache.get(hash);
        return cached != null && now.isBefore(cached.until()) ? Optional.of(cached.key()) : Optional.empty();
    }

    void remember(String hash, Optional<ApiKey> found, Instant now) {
        if (found.isEmpty() || ttl.isZero()) {
            cache.remove(hash);
            return;
        }
        if (cache.size() >= MAX_CACHED_KEYS) {
            cache.clear();
        }
        cache.put(hash, new Cached(found.get(), now.plus(ttl)));
    }

    void forget(ApiKeyId key) {
        cache.values().removeIf(c -> c.key().id().equals(key));
    }
}
