package dev.poolkeeper.adapters.providers.webhook;

import dev.poolkeeper.application.port.out.webhook.ProviderWebhookPort;
import dev.poolkeeper.application.port.out.webhook.RawWebhook;
import dev.poolkeeper.application.port.out.webhook.WebhookEvent;
import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.domain.provider.Credentials;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The three steps every provider's webhook takes: verify (then read the payload), and read it as a receipt
 * or as an inbound message depending on the route it came on.
 */
public abstract class WebhookDecoder implements ProviderWebhookPort {
    @Override
    public final WebhookEvent decode(Kind kind, RawWebhook request, Instant now, Optional<Credentials> connection) {
        Optional<Map<String, Object>> payload = verify(request, now, connection);
        if (payload.isEmpty()) {
            return new WebhookEvent.Housekeeping();
        }
        Optional<? extends WebhookEvent> event = kind == Kind.DELIVERY_RECEIPT
                ? receipt(payload.get(), now).map(WebhookEvent.Receipt::new)
                : inbound(payload.get()).map(WebhookEvent.Inbound::new);
        return event.isPresent() ? event.get() : new WebhookEvent.Ignored();
    }

    /**
     * The verified payload's fields; empty when the request was the provider's own housekeeping and there
     * is nothing more to do. Throws {@link WebhookRejected} when it does not verify. {@code connection}: the
     * account connection's credentials, whose secrets alone verify the request when present.
     */
    protected abstract Optional<Map<String, Object>> verify(RawWebhook request, Instant now,
                                                            Optional<Credentials> connection);

    /** The receipt in the payload; empty when the payload is not a delivery receipt. */
    protected abstract Optional<DeliveryReceipt> receipt(Map<String, Object> payload, Instant now);

    /** The inbound SMS in the payload; empty when the payload is not one. */
    protected abstract Optional<InboundMessage> inbound(Map<String, Object> payload);
}
