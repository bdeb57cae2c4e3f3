package dev.poolkeeper.adapters.providers.vonage;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Vonage account Poolkeeper works with: the Number Pools and SMS API base URLs, and the API key and
 * secret (from configuration or the environment; never logged). Without both it is not configured.
 */
@Singleton
final class VonageAccount {
    final String baseUrl;
    final String smsBaseUrl;
    final String apiKey;
    final String apiSecret;

    VonageAccount(@Value("${poolkeeper.providers.vonage.base-url:https://api.nexmo.com}") String baseUrl,
                  @Value("${poolkeeper.providers.vonage.sms-base-url:https://rest.nexmo.com}") String smsBaseUrl,
                  @Value("${poolkeeper.providers.vonage.api-key:}") String apiKey,
                  @Value("${poolkeeper.providers.vonage.api-secret:}") String apiSecret) {
        this.baseUrl = baseUrl;
        this.smsBaseUrl = smsBaseUrl;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    boolean configured() {
        return !apiKey.isBlank() && !apiSecret.isBlank();
    }

    String basicAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8));
    }
}
