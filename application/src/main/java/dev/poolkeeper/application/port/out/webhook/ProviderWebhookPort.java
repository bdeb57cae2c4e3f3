package dev.poolkeeper.application.port.out.webhook;

import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.Credentials;
import java.time.Instant;
import java.util.Optional;

/**
 * One provider's webhooks: its signature scheme and its payload formats, owned by its slice. The REST
 * adapter forwards the raw request; the decoder verifies it before reading anything from the body and
 * throws a {@code webhook.signature_invalid} domain exception when the request is not provably the
 * provider's, or is older than the tolerance window, and {@code request.invalid_field} when a verified
 * body is not the provider's format.
 */
public interface ProviderWebhookPort {
    Provider provider();

    /**
     * What the callback is; {@code kind} is the route it arrived on. {@code connection}: the credentials of
     * the account connection the route names, whose webhook secrets alone then verify it; empty: the
     * instance's configured secrets.
     */
    WebhookEvent decode(Kind kind, RawWebhook request, Instant now, Optional<Credentials> connection);

    /** The two callback routes every provider has. */
    enum Kind {
        DELIVERY_RECEIPT, INBOUND
    }
}
