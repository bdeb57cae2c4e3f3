package dev.poolkeeper.application.port.in.account;

import java.util.Optional;

/** Who a presented API key belongs to; empty for an unknown or revoked key. */
public interface AuthenticateUseCase {
    Optional<Caller> authenticate(String presentedKey);
}
