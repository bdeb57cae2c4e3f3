package dev.poolkeeper.application.port.out.messaging;

import dev.poolkeeper.domain.provider.Provider;
import java.time.Instant;

/** Remembers which provider callbacks were handled, so a provider's retry is not counted twice. */
public interface WebhookReceiptLog {
    /** True the first time {@code key} is seen for the provider (the record is part of the unit of work). */
    boolean firstSeen(Provider provider, String key, Instant at);
}
