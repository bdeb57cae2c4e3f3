package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKeySecret;

public record DevelopmentAccess(AccountId accountId, ApiKeySecret secret) {
}
