package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.port.in.account.AuthenticateUseCase;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks the key up by its hash. A key found active is remembered for {@code cacheTtl} (default one
 * second) in this instance, so a busy client costs one look-up a second instead of one a request; a
 * revoked key is therefore refused within {@code cacheTtl} on every instance (at once with a TTL of
 * zero). Unknown keys are never remembered. {@code last_used_at} is written at most once a minute per
 * key, not on every request.
 */
public final class AuthenticateService implements AuthenticateUseCase {
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_CACHED_KEYS = 10_000;

    private record Cached(ApiKey key, Instant until) {
    }

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public AuthenticateService(ApiKeyRepository keys, Clock clock) {
        this(keys, clock, Duration.ZERO);
    }

    public AuthenticateService(ApiKeyRepository keys, Clock clock, Duration cacheTtl) {
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative");
        }
        this.keys = keys;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        String hash = ApiKeySecret.hash(presentedKey);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(new Caller(cached.key().accountId(), cached.key().id()));
        }
        Optional<ApiKey> key = keys.findActiveByHash(hash);
        key.ifPresent(this::recordUse);
        if (key.isPresent() && !cacheTtl.isZero()) {
            if (cache.size() >= MAX_CACHED_KEYS) {
                cache.clear();
            }
            cache.put(hash, new Cached(key.get(), now.plus(cacheTtl)));
        } else {
            cache.remove(hash);
        }
        return key.map(k -> new Caller(k.accountId(), k.id()));
    }

    private void recordUse(ApiKey key) {
        Instant now = Times.now(clock);
        if (key.lastUsed().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            keys.recordUse(key.id(), now);
        }
    }
}
