package dev.poolkeeper.domain.provider;

/**
 * One field a provider's connection takes: its name, whether it must be given, and what it is. Every field
 * is encrypted at rest and none is ever returned.
 */
public record CredentialField(String name, boolean required, String description) {
}
