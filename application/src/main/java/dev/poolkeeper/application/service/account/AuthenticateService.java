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

/**
 * Looks the key up by its hash, or finds it in this instance's {@link ActiveKeyCache} (a revoked key is
 * refused at once on the instance that revoked it, within the cache time on the others).
 * {@code last_used_at} is written at most once a minute per key, not on every request.
 */
public final class AuthenticateService implements AuthenticateUseCase {
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final ActiveKeyCache cache;

    public AuthenticateService(ApiKeyRepository keys, Clock clock) {
        this(keys, clock, new ActiveKeyCache(Duration.ZERO));
    }

    public AuthenticateService(ApiKeyRepository keys, Clock clock, ActiveKeyCache cache) {
        this.keys = keys;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        String hash = ApiKeySecret.hash(presentedKey);
        Instant now = clock.instant();
        Optional<ApiKey> cached = cache.find(hash, now);
        if (cached.isPresent()) {
            return cached.map(k -> new Caller(k.accountId(), k.id()));
        }
        Optional<ApiKey> key = keys.findActiveByHash(hash);
        key.ifPresent(this::recordUse);
        cache.remember(hash, key, now);
        return key.map(k -> new Caller(k.accountId(), k.id()));
    }

    private void recordUse(ApiKey key) {
        Instant now = Times.now(clock);
        if (key.lastUsed().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            keys.recordUse(key.id(), now);
        }
    }
}
