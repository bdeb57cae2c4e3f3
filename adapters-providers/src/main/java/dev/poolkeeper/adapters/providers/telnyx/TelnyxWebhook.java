package dev.poolkeeper.adapters.providers.telnyx;

import dev.poolkeeper.adapters.providers.webhook.Payloads;
import dev.poolkeeper.adapters.providers.webhook.WebhookDecoder;
import dev.poolkeeper.adapters.providers.webhook.WebhookRejected;
import dev.poolkeeper.application.port.out.webhook.RawWebhook;

import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.domain.message.DeliveryOutcome;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.Credentials;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Telnyx API v2 webhooks: {@code telnyx-signature-ed25519} is the base64 Ed25519 signature of
 * {@code <telnyx-timestamp>|<raw body>}, checked with the account's public key (base64, as Mission Control
 * shows it: the 32-byte raw key, or an X.509 SubjectPublicKeyInfo). Events: {@code message.sent} and
 * {@code message.finalized} are receipts, {@code message.received} is an inbound SMS.
 */
@Singleton
final class TelnyxWebhook extends WebhookDecoder {
    /** The DER prefix that turns a raw 32-byte Ed25519 key into a SubjectPublicKeyInfo. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final JsonMapper json;
    private final PublicKey publicKey;
    private final Duration tolerance;

    TelnyxWebhook(JsonMapper json, @Value("${poolkeeper.providers.telnyx.public-key:}") String publicKey,
                  @Value("${poolkeeper.webhooks.tolerance:PT5M}") Duration tolerance) {
        this.json = json;
        this.publicKey = publicKey.isBlank() ? null : parse(publicKey);
        this.tolerance = tolerance;
    }

    static PublicKey parse(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.trim());
            if (bytes.length == 32) {
                byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
                System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
                System.arraycopy(bytes, 0, spki, ED25519_SPKI_PREFIX.length, 32);
                bytes = spki;
            }
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("poolkeeper.providers.telnyx.public-key is not a base64 Ed25519 public key",
                    e);
        }
    }

    @Override
    public Provider provider() {
        return Provider.TELNYX;
    }

    @Override
    protected Optional<Map<String, Object>> verify(RawWebhook request, Instant now,
                                                   Optional<Credentials> connection) {
        String body = request.body();
        PublicKey publicKey = this.publicKey;
        if (connection.isPresent()) {
            Optional<String> own = connection.get().get("public_key");
            if (own.isEmpty()) {
                throw new WebhookRejected("the connection has no public_key");
            }
            try {
                publicKey = parse(own.get());
            } catch (IllegalStateException e) {
                throw new WebhookRejected("the connection's public_key is not a base64 Ed25519 public key");
            }
        }
        if (publicKey == null) {
            throw new WebhookRejected("no Telnyx public key is configured");
        }
        String signature = request.header("telnyx-signature-ed25519").orElse(null);
        String timestamp = request.header("telnyx-timestamp").orElse(null);
        if (signature == null || timestamp == null) {
            throw new WebhookRejected("telnyx-signature-ed25519 and telnyx-timestamp are required");
        }
        Payloads.fresh(Payloads.epochSeconds(timestamp), now, tolerance);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update((timestamp + "|" + (body == null ? "" : body)).getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature.trim()))) {
                throw new WebhookRejected("the signature does not match");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WebhookRejected("the signature is malformed");
        }
        return Optional.of(Payloads.object(json, body));
    }

    @Override
    protected Optional<DeliveryReceipt> receipt(Map<String, Object> payload, Instant now) {
        String event = Payloads.required(payload, "data", "event_type");
        if (!event.equals("message.sent") && !event.equals("message.finalized")) {
            return Optional.empty();
        }
        String status = Payloads.required(payload, "data", "payload", "to", 0, "status").toLowerCase(Locale.ROOT);
        DeliveryOutcome outcome = switch (status) {
            case "delivered" -> DeliveryOutcome.DELIVERED;
            case "delivery_failed", "expired" -> DeliveryOutcome.UNDELIVERED;
            case "sending_failed" -> DeliveryOutcome.REJECTED;
            default -> DeliveryOutcome.IN_FLIGHT;
        };
        return Optional.of(new DeliveryReceipt(Provider.TELNYX, Payloads.required(payload, "data", "payload", "id"),
                outcome, status, Payloads.at(payload, "data", "payload", "errors", 0, "code"),
                Payloads.at(payload, "data", "payload", "from", "phone_number"),
                Payloads.number(Payloads.at(payload, "data", "payload", "to", 0, "phone_number").orElse(null))
                        .map(PhoneNumber::e164), now));
    }

    @Override
    protected Optional<InboundMessage> inbound(Map<String, Object> payload) {
        if (!"message.received".equals(Payloads.required(payload, "data", "event_type"))) {
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(Provider.TELNYX,
                Payloads.requiredNumber(payload, "data", "payload", "from", "phone_number"),
                Payloads.requiredNumber(payload, "data", "payload", "to", 0, "phone_number"),
                Payloads.at(payload, "data", "payload", "text").orElse(""),
                Payloads.at(payload, "data", "payload", "id")));
    }
}
