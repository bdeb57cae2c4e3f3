package dev.poolkeeper.adapters.persistence.messaging;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.Hashes;
import jakarta.inject.Singleton;
import java.time.Instant;

/** The primary key decides: a second insert of the same receipt is a duplicate key. */
@Singleton
final class WebhookReceiptPersistenceAdapter implements WebhookReceiptLog {
    private static final int MAX_KEY = 191;
    private final Jdbc jdbc;

    WebhookReceiptPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstSeen(Provider provider, String key, Instant at) {
        String stored = key.length() <= MAX_KEY ? key : "sha256:" + Hashes.sha256Hex(key);
        return jdbc.write(c -> Jdbc.insertUnlessDuplicate(c, w -> Jdbc.update(w,
                "INSERT INTO webhook_receipts (provider, receipt_key, received_at) VALUES (?, ?, ?)",
                provider.wireName(), stored, at)));
    }
}
