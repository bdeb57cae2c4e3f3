package dev.poolkeeper.application.port.out.webhook;

import dev.poolkeeper.domain.number.Provider;
import java.time.Instant;

/**
 * One provider's webhooks: its signature scheme and its payload formats, owned by its slice. The REST
 * adapter forwards the raw request; the decoder verifies it before reading anything from the body and
 * throws a {@code webhook.signature_invalid} domain exception when the request is not provably the
 * provider's, or is older than the tolerance window, and {@code request.invalid_field} when a verified
 * body is not the provider's format.
 */
public interface ProviderWebhookPort {
    Provider provider();

    /** What the callback is; {@code kind} is the route it arrived on. */
    WebhookEvent decode(Kind kind, RawWebhook request, Instant now);

    /** The two callback routes every provider has. */
    enum Kind {
        DELIVERY_RECEIPT, INBOUND
    }
}
