package dev.poolkeeper.adapters.providers.telnyx;

import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpRequest;

/** The Telnyx account: API v2 base URL and key (never logged); without a key it is not configured. */
@Singleton
final class TelnyxAccount {
    private final String baseUrl;
    private final String apiKey;

    TelnyxAccount(@Value("${poolkeeper.providers.telnyx.base-url:https://api.telnyx.com}") String baseUrl,
                  @Value("${poolkeeper.providers.telnyx.api-key:}") String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean configured() {
        return !apiKey.isBlank();
    }

    /** A request to {@code path} with the Bearer key, asking for JSON. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ProviderHttp.join(baseUrl, path)))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }
}
