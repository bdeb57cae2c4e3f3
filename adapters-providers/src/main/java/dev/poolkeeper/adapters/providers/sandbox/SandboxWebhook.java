package dev.poolkeeper.adapters.providers.sandbox;

import dev.poolkeeper.adapters.providers.webhook.Payloads;
import dev.poolkeeper.adapters.providers.webhook.WebhookDecoder;
import dev.poolkeeper.adapters.providers.webhook.WebhookRejected;
import dev.poolkeeper.application.port.out.webhook.RawWebhook;
import dev.poolkeeper.domain.message.DeliveryOutcome;
import dev.poolkeeper.domain.message.DeliveryReceipt;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.Credentials;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's callbacks, verified like a real provider's: {@code Sandbox-Signature: t=…,v1=…} must be
 * the HMAC-SHA256 of {@code t.body} under this instance's sandbox secret, with {@code t} within the
 * tolerance window. Receipts say {@code delivered}, {@code undelivered} or {@code failed}.
 */
@Singleton
final class SandboxWebhook extends WebhookDecoder {
    private final SandboxNetwork network;
    private final JsonMapper json;
    private final Duration tolerance;

    SandboxWebhook(SandboxNetwork network, JsonMapper json,
                   @Value("${poolkeeper.webhooks.tolerance:PT5M}") Duration tolerance) {
        this.network = network;
        this.json = json;
        this.tolerance = tolerance;
    }

    @Override
    public Provider provider() {
        return Provider.SANDBOX;
    }

    @Override
    protected Optional<Map<String, Object>> verify(RawWebhook request, Instant now,
                                                   Optional<Credentials> connection) {
        if (!network.enabled()) {
            throw new WebhookRejected("the sandbox provider is not enabled on this instance");
        }
        String header = request.header(SandboxNetwork.SIGNATURE_HEADER)
                .orElseThrow(() -> new WebhookRejected(SandboxNetwork.SIGNATURE_HEADER + " is required"));
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            throw new WebhookRejected(SandboxNetwork.SIGNATURE_HEADER + " must be t=<seconds>,v1=<hex>");
        }
        Payloads.fresh(Payloads.epochSeconds(t), now, tolerance);
        if (!MessageDigest.isEqual(network.sign(t, request.body()).getBytes(StandardCharsets.US_ASCII),
                v1.getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookRejected("the signature does not match");
        }
        return Optional.of(Payloads.object(json, request.body()));
    }

    @Override
    protected Optional<DeliveryReceipt> receipt(Map<String, Object> payload, Instant now) {
        if (!"receipt".equals(Payloads.required(payload, "type"))) {
            return Optional.empty();
        }
        String status = Payloads.required(payload, "status");
        DeliveryOutcome outcome = switch (status) {
            case "delivered" -> DeliveryOutcome.DELIVERED;
            case "undelivered" -> DeliveryOutcome.UNDELIVERED;
            case "failed" -> DeliveryOutcome.REJECTED;
            default -> DeliveryOutcome.IN_FLIGHT;
        };
        return Optional.of(new DeliveryReceipt(Provider.SANDBOX, Payloads.required(payload, "message_id"), outcome,
                status, Payloads.at(payload, "error_code"), Payloads.at(payload, "from"), Payloads.at(payload, "to"),
                now));
    }

    @Override
    protected Optional<InboundMessage> inbound(Map<String, Object> payload) {
        if (!"inbound".equals(Payloads.required(payload, "type"))) {
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(Provider.SANDBOX, Payloads.requiredNumber(payload, "from"),
                Payloads.requiredNumber(payload, "to"), Payloads.at(payload, "text").orElse(""),
                Payloads.at(payload, "message_id")));
    }
}
