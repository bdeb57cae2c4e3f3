package dev.poolkeeper.adapters.providers.pinpoint;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2ClientBuilder;

/**
 * The one AWS SDK client both Pinpoint adapters use: static keys or, with only a region, the default
 * credentials chain; the endpoint override when configured; connect and request timeouts; the SDK's own
 * retries off (a send has no client token, and management calls are retried by the sync with its own
 * backoff). Absent when neither keys nor a region are configured.
 */
@Singleton
final class PinpointClient {
    private final PinpointSmsVoiceV2Client client;

    PinpointClient(@Value("${poolkeeper.providers.pinpoint.endpoint:}") String endpoint,
                   @Value("${poolkeeper.providers.pinpoint.region:}") String region,
                   @Value("${poolkeeper.providers.pinpoint.access-key-id:}") String accessKeyId,
                   @Value("${poolkeeper.providers.pinpoint.secret-access-key:}") String secretAccessKey,
                   @Value("${poolkeeper.providers.connect-timeout:PT2S}") Duration connectTimeout,
                   @Value("${poolkeeper.providers.request-timeout:PT10S}") Duration requestTimeout) {
        this.client = accessKeyId.isBlank() && region.isBlank() ? null
                : build(endpoint, region, accessKeyId, secretAccessKey, connectTimeout, requestTimeout);
    }

    private static PinpointSmsVoiceV2Client build(String endpoint, String region, String accessKeyId,
                                                  String secretAccessKey, Duration connectTimeout,
                                                  Duration requestTimeout) {
        AwsCredentialsProvider credentials = accessKeyId.isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        PinpointSmsVoiceV2ClientBuilder builder = PinpointSmsVoiceV2Client.builder()
                .credentialsProvider(credentials)
                .region(Region.of(region.isBlank() ? "us-east-1" : region))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(connectTimeout)
                        .socketTimeout(requestTimeout))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(connectTimeout.plus(requestTimeout)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    Optional<PinpointSmsVoiceV2Client> get() {
        return Optional.ofNullable(client);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
