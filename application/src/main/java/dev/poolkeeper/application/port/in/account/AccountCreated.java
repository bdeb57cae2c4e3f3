package dev.poolkeeper.application.port.in.account;

import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;

/** The new account, its first key, and that key's plaintext (shown this once). */
public record AccountCreated(Account account, ApiKey key, ApiKeySecret secret) {
}
