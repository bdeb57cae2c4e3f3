package dev.poolkeeper.adapters.providers.vonage;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.ErrorCode;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Vonage SMS API: {@code POST {sms base}/sms/json}, form-encoded, {@code api_key}/{@code api_secret} in the
 * body, numbers as digits without {@code +}. HTTP 200 carries a status per message part: {@code "0"} is
 * accepted; {@code "1"} (throttled) and {@code "5"} (internal error) mean nothing was sent; any other is a
 * refusal with Vonage's {@code error-text}.
 */
@Singleton
final class VonageSms extends VendorPort implements SmsPort {
    /** SMS API statuses that say the message was not taken and may go elsewhere. */
    private static final Set<String> NOT_SENT = Set.of("1", "5");

    private final ProviderHttp http;
    private final VonageAccount account;

    VonageSms(ProviderHttp http, VonageAccount account) {
        super(Provider.VONAGE, VonageDialect.CAPABILITIES, account.configured());
        this.http = http;
        this.account = account;
    }

    @Override
    public SendResult send(OutboundSms sms) {
        if (!configured()) {
            return SendResult.NotSent.notConfigured(provider().wireName());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", account.apiKey);
        form.put("api_secret", account.apiSecret);
        form.put("from", digits(sms.from()));
        form.put("to", digits(sms.to().e164()));
        form.put("text", sms.text());
        form.put("client-ref", sms.reference().value());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.exchange(HttpRequest.newBuilder(URI.create(ProviderHttp.join(account.smsBaseUrl, "/sms/json")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), this::read);
    }

    private SendResult read(ProviderHttp.Answer answer) {
        if (answer.status() / 100 != 2) {
            return new SendResult.Refused(ErrorCode.PROVIDER_REJECTED.code(), "HTTP " + answer.status());
        }
        if (!(answer.object().get("messages") instanceof List<?> parts) || parts.isEmpty()
                || !parts.stream().allMatch(part -> part instanceof Map<?, ?> p && p.get("status") != null)) {
            return ProviderHttp.unreadable(answer.status());
        }
        // A long text is split into parts; the message is accepted when every part is.
        String firstId = null;
        for (Object part : parts) {
            Map<?, ?> p = (Map<?, ?>) part;
            String status = String.valueOf(p.get("status"));
            if (!"0".equals(status)) {
                String text = "Vonage status " + status + ": " + p.get("error-text");
                return NOT_SENT.contains(status) && firstId == null
                        ? new SendResult.NotSent(ErrorCode.PROVIDER_UNAVAILABLE.code(), text)
                        : new SendResult.Refused(ErrorCode.PROVIDER_REJECTED.code(), text);
            }
            if (firstId == null) {
                firstId = String.valueOf(p.get("message-id"));
            }
        }
        return new SendResult.Accepted(firstId);
    }

    /** Vonage writes numbers as digits; an alphanumeric sender goes as it is. */
    static String digits(String sender) {
        return sender.startsWith("+") ? sender.substring(1) : sender;
    }
}
