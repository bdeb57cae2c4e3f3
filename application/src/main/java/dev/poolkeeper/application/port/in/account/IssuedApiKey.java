package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;

public record IssuedApiKey(ApiKey key, ApiKeySecret secret) {
}
