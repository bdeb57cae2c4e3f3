package dev.poolkeeper.application.port.out.webhook;

import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.domain.message.InboundMessage;

/** What a verified callback carries, in Poolkeeper's terms. */
public sealed interface WebhookEvent {
    /** The provider's own housekeeping (a subscription confirmation), handled by the decoder. */
    record Housekeeping() implements WebhookEvent {
    }

    /** Verified, but nothing Poolkeeper acts on (an event of another kind). */
    record Ignored() implements WebhookEvent {
    }

    record Receipt(DeliveryReceipt receipt) implements WebhookEvent {
    }

    record Inbound(InboundMessage message) implements WebhookEvent {
    }
}
