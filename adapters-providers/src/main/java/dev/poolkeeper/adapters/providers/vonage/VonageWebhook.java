package dev.poolkeeper.adapters.providers.vonage;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vonage SMS API webhooks (delivery receipts and inbound SMS), JSON or form-encoded, signed as the SMS
 * API signs them: every parameter but {@code sig}, sorted by name, written {@code &name=value} (with
 * {@code &} and {@code =} in values replaced by {@code _}), hashed with the account's signature secret by
 * the method chosen in the dashboard ({@code md5hash}: MD5 of text and secret; {@code md5}, {@code sha1},
 * {@code sha256}, {@code sha512}: HMAC), compared without case. {@code timestamp} must be recent.
 */
@Singleton
final class VonageWebhook extends WebhookDecoder {
    private final JsonMapper json;
    private final String secret;
    private final String method;
    private final Duration tolerance;

    VonageWebhook(JsonMapper json,
                  @Value("${poolkeeper.providers.vonage.signature-secret:}") String secret,
                  @Value("${poolkeeper.providers.vonage.signature-method:sha256}") String method,
                  @Value("${poolkeeper.webhooks.tolerance:PT5M}") Duration tolerance) {
        this.json = json;
        this.secret = secret;
        this.method = method.toLowerCase(Locale.ROOT);
        this.tolerance = tolerance;
    }

    @Override
    public Provider provider() {
        return Provider.VONAGE;
    }

    @Override
    protected Optional<Map<String, Object>> verify(RawWebhook request, Instant now,
                                                   Optional<Credentials> connection) {
        String body = request.body();
        String secret = connection.isPresent() ? connection.get().get("signature_secret").orElse("") : this.secret;
        String method = connection.isPresent() ? connection.get().get("signature_method").orElse("sha256")
                : this.method;
        if (secret.isBlank()) {
            throw new WebhookRejected(connection.isPresent() ? "the connection has no signature_secret"
                    : "no Vonage signature secret is configured");
        }
        Map<String, Object> params = request.formEncoded() ? form(body) : Payloads.object(json, body);
        Object sig = params.get("sig");
        Object timestamp = params.get("timestamp");
        if (sig == null || timestamp == null) {
            throw new WebhookRejected("sig and timestamp are required");
        }
        Payloads.fresh(Payloads.epochSeconds(String.valueOf(timestamp)), now, tolerance);
        String expected = sign(params, secret, method);
        if (!MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                String.valueOf(sig).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookRejected("the signature does not match");
        }
        return Optional.of(params);
    }

    /** The SMS API signature of a request's parameters. */
    static String sign(Map<String, Object> params, String secret, String method) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!"sig".equals(name) && value != null) {
                text.append('&').append(name).append('=')
                        .append(String.valueOf(value).replace('&', '_').replace('=', '_'));
            }
        });
        try {
            if ("md5hash".equals(method)) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                        .digest((text + secret).getBytes(StandardCharsets.UTF_8)));
            }
            String algorithm = switch (method) {
                case "md5" -> "HmacMD5";
                case "sha1" -> "HmacSHA1";
                case "sha512" -> "HmacSHA512";
                default -> "HmacSHA256";
            };
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> form(String body) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            }
        }
        return params;
    }

    /**
     * A delivery receipt: {@code messageId}, {@code status} (delivered, expired, failed, rejected, accepted,
     * buffered, unknown), {@code err-code}, {@code msisdn} (the recipient) and {@code to} (our sender).
     */
    @Override
    protected Optional<DeliveryReceipt> receipt(Map<String, Object> payload, Instant now) {
        String id = Payloads.required(payload, "messageId");
        String status = Payloads.required(payload, "status").toLowerCase(Locale.ROOT);
        DeliveryOutcome outcome = switch (status) {
            case "delivered" -> DeliveryOutcome.DELIVERED;
            case "accepted", "buffered" -> DeliveryOutcome.IN_FLIGHT;
            case "rejected" -> DeliveryOutcome.REJECTED;
            default -> DeliveryOutcome.UNDELIVERED;
        };
        return Optional.of(new DeliveryReceipt(Provider.VONAGE, id, outcome, status,
                Payloads.at(payload, "err-code").filter(code -> !"0".equals(code)),
                Payloads.at(payload, "to").map(VonageWebhook::sender),
                Payloads.number(Payloads.at(payload, "msisdn").orElse(null)).map(PhoneNumber::e164), now));
    }

    /** Our sender as Poolkeeper stores it: an E.164 number when it is digits, else the alphanumeric id. */
    private static String sender(String raw) {
        return Payloads.number(raw).map(PhoneNumber::e164).orElse(raw);
    }

    /** An inbound SMS: {@code msisdn} (the person), {@code to} (our number), {@code text}, {@code messageId}. */
    @Override
    protected Optional<InboundMessage> inbound(Map<String, Object> payload) {
        return Optional.of(new InboundMessage(Provider.VONAGE, Payloads.requiredNumber(payload, "msisdn"),
                Payloads.requiredNumber(payload, "to"), Payloads.at(payload, "text").orElse(""),
                Payloads.at(payload, "messageId")));
    }
}
