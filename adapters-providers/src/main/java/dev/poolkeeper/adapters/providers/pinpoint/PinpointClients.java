package dev.poolkeeper.adapters.providers.pinpoint;

import java.net.URI;
import java.time.Duration;
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
 * The AWS SDK client as both Pinpoint adapters use it: static keys or the default chain, an endpoint
 * override when configured, connect and request timeouts, and the SDK's own retries off (a send has no
 * client token; management calls are retried by the sync with its own backoff).
 */
final class PinpointClients {
    private PinpointClients() {
    }

    static PinpointSmsVoiceV2Client build(String endpoint, String region, String accessKeyId, String secretAccessKey,
                                          Duration connectTimeout, Duration requestTimeout) {
        AwsCredentialsProvider credentials = accessKeyId.isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        PinpointSmsVoiceV2ClientBuilder builder = PinpointSmsVoiceV2Client.builder()
                .credentialsProvider(credentials)
                .region(Region.of(region.isBlank() ? "us-east-1" : region))
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(connectTimeout)
                        .socketTimeout(requestTimeout))
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(1))
                        .apiCallTimeout(requestTimeout));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
