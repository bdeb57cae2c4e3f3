package dev.poolkeeper.adapters.providers.telnyx;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.ErrorCode;
import jakarta.inject.Singleton;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Telnyx {@code POST /v2/messages} ({@code SendMessage}) with an explicit {@code from}, Bearer key. 200
 * answers {@code {"data": {"id": …}}}; a 4xx answers {@code {"errors": [{code, title, detail}]}}.
 */
@Singleton
final class TelnyxSms extends VendorPort implements SmsPort {
    private final ProviderHttp http;
    private final TelnyxAccount account;

    TelnyxSms(ProviderHttp http, TelnyxAccount account) {
        super(Provider.TELNYX, TelnyxDialect.CAPABILITIES, account.configured());
        this.http = http;
        this.account = account;
    }

    @Override
    public SendResult send(OutboundSms sms) {
        if (!configured()) {
            return SendResult.NotSent.notConfigured(provider().wireName());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", sms.from());
        body.put("to", sms.to().e164());
        body.put("text", sms.text());
        if (!sms.from().startsWith("+")) {
            sms.providerPool().ifPresent(profile -> body.put("messaging_profile_id", profile));
        }
        return http.exchange(account.request("/v2/messages")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.write(body))), TelnyxSms::read);
    }

    private static SendResult read(ProviderHttp.Answer answer) {
        if (answer.status() / 100 == 2) {
            return answer.object().get("data") instanceof Map<?, ?> data && data.get("id") != null
                    ? new SendResult.Accepted(String.valueOf(data.get("id")))
                    : ProviderHttp.unreadable(answer.status());
        }
        String detail = "HTTP " + answer.status();
        if (answer.object().get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first) {
            detail += ", Telnyx " + first.get("code") + ": " + first.get("title")
                    + (first.get("detail") == null ? "" : " (" + first.get("detail") + ")");
        }
        return new SendResult.Refused(ErrorCode.PROVIDER_REJECTED.code(), detail);
    }
}
