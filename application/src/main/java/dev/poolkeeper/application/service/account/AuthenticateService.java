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
 * Looks the key up by its hash on every request, so a revoked key is refused at once on every
 * instance. {@code last_used_at} is written at most once a minute per key, not on every request.
 */
public final class AuthenticateService implements AuthenticateUseCase {
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;

    public AuthenticateService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Optional<Caller> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findActiveByHash(ApiKeySecret.hash(presentedKey));
        key.ifPresent(this::recordUse);
        return key.map(k -> new Caller(k.accountId(), k.id()));
    }

    private void recordUse(ApiKey key) {
        Instant now = Times.now(clock);
        if (key.lastUsed().map(last -> last.plus(LAST_USED_RESOLUTION).isBefore(now)).orElse(true)) {
            keys.recordUse(key.id(), now);
        }
    }
}
