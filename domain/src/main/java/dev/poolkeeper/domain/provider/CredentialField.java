package dev.poolkeeper.domain.provider;

import java.util.List;

/**
 * One field a provider's connection takes: its name, whether it must be given, what it is, and the values it
 * may take (empty: any). Every field is encrypted at rest and none is ever returned.
 */
public record CredentialField(String name, boolean required, String description, List<String> allowed) {
    public CredentialField {
        allowed = List.copyOf(allowed);
    }

    public CredentialField(String name, boolean required, String description) {
        this(name, required, description, List.of());
    }

    /** Whether the value is one this field may take. */
    public boolean accepts(String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
