package dev.poolkeeper.adapters.rest.webhook;

import dev.poolkeeper.application.port.in.webhook.DeliveryReceipt;
import dev.poolkeeper.application.port.in.webhook.InboundMessage;
import dev.poolkeeper.domain.number.Provider;
import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's webhooks: its signature scheme and its payload formats. {@link #verify} runs before
 * anything is read from the body and throws {@link WebhookRejected} when the request is not provably the
 * provider's, or is older than the tolerance window.
 */
interface ProviderWebhook {
    Provider provider();

    /**
     * The verified payload's fields; empty when the request was the provider's own housekeeping (an SNS
     * subscription confirmation) and there is nothing more to do.
     */
    Optional<Map<String, Object>> verify(HttpRequest<?> request, String body, Instant now);

    /** The receipt in the payload; empty when the payload is not a delivery receipt. */
    Optional<DeliveryReceipt> receipt(Map<String, Object> payload, Instant now);

    /** The inbound SMS in the payload; empty when the payload is not one. */
    Optional<InboundMessage> inbound(Map<String, Object> payload);
}
