package dev.poolkeeper.domain.provider;

/** What a connection check found: whether the provider accepted the credentials, and what it saw. */
public record ConnectionCheck(boolean ok, String detail) {
}
