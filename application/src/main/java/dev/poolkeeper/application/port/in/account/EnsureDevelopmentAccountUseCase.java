package dev.poolkeeper.application.port.in.account;

import java.util.Optional;

/**
 * The embedded default run's development account: created once, and given a key at each start —
 * the configured one when there is one (kept across restarts), a new random one otherwise.
 */
public interface EnsureDevelopmentAccountUseCase {
    DevelopmentAccess ensureDevelopmentAccount(Optional<String> configuredKey);
}
