package dev.poolkeeper.adapters.rest.support;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The providers that send SMS — their numbers can be pool members — as the API document lists them: the one
 * place a member's, a message's or a sync part's {@code provider} takes its values from. The OpenAPI test holds
 * them equal to the domain's sending {@code Provider}s.
 */
@Schema(name = "SendingProvider", description = "a provider that sends SMS: its numbers can be pool members")
@SuppressWarnings("java:S115")
public enum SendingProviderName {
    vonage, telnyx, pinpoint, sandbox
}
