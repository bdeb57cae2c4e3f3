package dev.poolkeeper.adapters.rest.support;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every provider an account can connect to, as the API document lists it: the one place a DTO's
 * {@code provider} takes its values from ({@code @Schema(implementation = ProviderName.class)}), for a
 * connection's; {@link SendingProviderName} for a member's, a message's, a sync part's. The constants are the
 * wire names; the OpenAPI test holds them equal to the domain's {@code Provider}.
 */
@Schema(name = "Provider", description = "a provider an account can connect to")
@SuppressWarnings("java:S115")
public enum ProviderName {
    vonage, telnyx, pinpoint, sandbox, numpool
}
