package dev.poolkeeper.adapters.providers.webhook;

import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;

/** A webhook that failed verification: 401 {@code webhook.signature_invalid}, nothing changed. */
public final class WebhookRejected extends DomainException {
    public WebhookRejected(String why) {
        super(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "the webhook could not be verified: " + why);
    }
}
