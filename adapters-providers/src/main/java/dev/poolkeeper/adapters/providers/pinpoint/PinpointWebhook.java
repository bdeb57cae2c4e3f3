package dev.poolkeeper.adapters.providers.pinpoint;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS End User Messaging SMS (Pinpoint SMS v2) events arrive through Amazon SNS: an HTTPS subscription
 * posts an SNS message whose {@code Message} is the event (a delivery event from a configuration set's
 * SNS destination, or an inbound SMS from a two-way channel). SNS signs each message: the listed fields in
 * order, {@code name\nvalue\n}, RSA with SHA1 ({@code SignatureVersion} 1) or SHA256 (2), checked with the
 * certificate at {@code SigningCertURL}, which must be an Amazon SNS URL (a pattern, configurable). A
 * verified {@code SubscriptionConfirmation} is confirmed by visiting its {@code SubscribeURL}.
 */
@Singleton
final class PinpointWebhook extends WebhookDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PinpointWebhook.class);
    private static final List<String> NOTIFICATION_FIELDS = List.of("Message", "MessageId", "Subject", "Timestamp",
            "TopicArn", "Type");
    private static final List<String> SUBSCRIPTION_FIELDS = List.of("Message", "MessageId", "SubscribeURL",
            "Timestamp", "Token", "TopicArn", "Type");

    private final JsonMapper json;
    private final Pattern trustedUrls;
    private final Set<String> trustedTopics;
    private final Duration tolerance;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    PinpointWebhook(JsonMapper json,
                    @Value("${poolkeeper.providers.pinpoint.sns-url-pattern:^https://sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.*}")
                    String trustedUrls,
                    @Value("${poolkeeper.providers.pinpoint.topic-arns:}") String trustedTopics,
                    @Value("${poolkeeper.webhooks.tolerance:PT5M}") Duration tolerance) {
        this.json = json;
        this.trustedUrls = Pattern.compile(trustedUrls);
        this.trustedTopics = topics(trustedTopics);
        this.tolerance = tolerance;
    }

    @Override
    public Provider provider() {
        return Provider.PINPOINT;
    }

    @Override
    protected Optional<Map<String, Object>> verify(RawWebhook request, Instant now,
                                                   Optional<Credentials> connection) {
        String body = request.body();
        Map<String, Object> sns = Payloads.object(json, body);
        String type = Payloads.at(sns, "Type").orElseThrow(() -> new WebhookRejected("not an SNS message"));
        Set<String> topics = connection.isPresent() ? topics(connection.get().get("topic_arns").orElse(""))
                : trustedTopics;
        if (connection.isPresent() && topics.isEmpty()) {
            throw new WebhookRejected("the connection has no topic_arns: any AWS account could sign for it");
        }
        String topic = Payloads.at(sns, "TopicArn").orElse("");
        if (!topics.isEmpty() && !topics.contains(topic)) {
            throw new WebhookRejected("TopicArn " + topic + " is not one of the trusted topics");
        }
        String version = Payloads.at(sns, "SignatureVersion").orElse("");
        String algorithm = switch (version) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new WebhookRejected("unknown SignatureVersion " + version);
        };
        String certUrl = Payloads.at(sns, "SigningCertURL").orElse("");
        if (!trustedUrls.matcher(certUrl).find()) {
            throw new WebhookRejected("SigningCertURL is not an Amazon SNS URL");
        }
        Instant timestamp;
        try {
            timestamp = Instant.parse(Payloads.at(sns, "Timestamp").orElse(""));
        } catch (RuntimeException e) {
            throw new WebhookRejected("Timestamp is missing or malformed");
        }
        Payloads.fresh(timestamp, now, tolerance);
        boolean notification = "Notification".equals(type);
        StringBuilder signed = new StringBuilder();
        for (String field : notification ? NOTIFICATION_FIELDS : SUBSCRIPTION_FIELDS) {
            Optional<String> value = Payloads.at(sns, field);
            if (value.isPresent()) {
                signed.append(field).append('\n').append(value.get()).append('\n');
            }
        }
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate(certUrl));
            verifier.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(Payloads.at(sns, "Signature").orElse("")))) {
                throw new WebhookRejected("the signature does not match");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WebhookRejected("the signature could not be checked");
        }
        if (notification) {
            return Optional.of(Payloads.object(json, Payloads.at(sns, "Message").orElse("")));
        }
        if ("SubscriptionConfirmation".equals(type)) {
            confirm(Payloads.at(sns, "SubscribeURL").orElse(""), Payloads.at(sns, "TopicArn").orElse("?"));
        }
        return Optional.empty();
    }

    private X509Certificate certificate(String url) {
        return certificates.computeIfAbsent(url, u -> {
            try {
                HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest.newBuilder(URI.create(u))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new WebhookRejected("the signing certificate could not be fetched");
                }
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(response.body()));
            } catch (IOException | GeneralSecurityException e) {
                throw new WebhookRejected("the signing certificate could not be fetched");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebhookRejected("interrupted while fetching the signing certificate");
            }
        });
    }

    /** A comma-separated list of SNS topic ARNs. */
    private static Set<String> topics(String list) {
        Set<String> topics = new java.util.HashSet<>();
        for (String t : list.split(",")) {
            if (!t.isBlank()) {
                topics.add(t.trim());
            }
        }
        return Set.copyOf(topics);
    }

    private void confirm(String subscribeUrl, String topic) {
        if (!trustedUrls.matcher(subscribeUrl).find()) {
            throw new WebhookRejected("SubscribeURL is not an Amazon SNS URL");
        }
        try {
            int status = http.send(java.net.http.HttpRequest.newBuilder(URI.create(subscribeUrl))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            LOG.info("SNS subscription to {} confirmed (HTTP {})", topic, status);
        } catch (IOException e) {
            LOG.warn("SNS subscription to {} could not be confirmed: {}", topic, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A delivery event: {@code messageId}, {@code messageStatus} (DELIVERED, SUCCESSFUL, PENDING, QUEUED,
     * or a failure such as UNREACHABLE, BLOCKED, TTL_EXPIRED, CARRIER_UNREACHABLE, SPAM, INVALID),
     * {@code originationPhoneNumber}, {@code destinationPhoneNumber}.
     */
    @Override
    protected Optional<DeliveryReceipt> receipt(Map<String, Object> payload, Instant now) {
        Optional<String> id = Payloads.at(payload, "messageId");
        Optional<String> status = Payloads.at(payload, "messageStatus")
                .or(() -> Payloads.at(payload, "eventType").map(t -> t.replaceFirst("^TEXT_", "")));
        if (id.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        DeliveryOutcome outcome = switch (status.get()) {
            case "DELIVERED" -> DeliveryOutcome.DELIVERED;
            case "SUCCESSFUL", "PENDING", "QUEUED", "SENT" -> DeliveryOutcome.IN_FLIGHT;
            case "INVALID", "INVALID_MESSAGE", "OPTED_OUT", "MAX_PRICE_EXCEEDED" -> DeliveryOutcome.REJECTED;
            default -> DeliveryOutcome.UNDELIVERED;
        };
        return Optional.of(new DeliveryReceipt(Provider.PINPOINT, id.get(), outcome, status.get(),
                Payloads.at(payload, "messageStatusDescription"),
                Payloads.at(payload, "originationPhoneNumber"),
                Payloads.number(Payloads.at(payload, "destinationPhoneNumber").orElse(null)).map(PhoneNumber::e164),
                now));
    }

    /** An inbound SMS of a two-way channel: {@code originationNumber}, {@code destinationNumber}, {@code messageBody}. */
    @Override
    protected Optional<InboundMessage> inbound(Map<String, Object> payload) {
        return Optional.of(new InboundMessage(Provider.PINPOINT, Payloads.requiredNumber(payload, "originationNumber"),
                Payloads.requiredNumber(payload, "destinationNumber"), Payloads.at(payload, "messageBody").orElse(""),
                Payloads.at(payload, "inboundMessageId")));
    }
}
