package dev.poolkeeper.adapters.providers.pinpoint;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.ErrorCode;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import org.apache.http.conn.ConnectTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.SendTextMessageResponse;

/**
 * AWS End User Messaging SMS (Pinpoint SMS v2) {@code SendTextMessage} through the real SDK client, with
 * the number as {@code OriginationIdentity}. The SDK's retries are off: {@code SendTextMessage} has no
 * client token, so an SDK retry after a lost answer could send twice; failover is the caller's.
 * Configured when an access key is given, or a region (then the AWS default credentials chain is used).
 */
@Singleton
final class PinpointSms extends VendorPort implements SmsPort {
    private final PinpointSmsVoiceV2Client client;

    PinpointSms(PinpointClient client) {
        super(Provider.PINPOINT, PinpointDialect.CAPABILITIES, client.get().isPresent());
        this.client = client.get().orElse(null);
    }

    @Override
    public SendResult send(OutboundSms sms) {
        if (!configured()) {
            return SendResult.NotSent.notConfigured(provider().wireName());
        }
        try {
            SendTextMessageResponse response = client.sendTextMessage(r -> r
                    .destinationPhoneNumber(sms.to().e164())
                    .originationIdentity(sms.from())
                    .messageBody(sms.text()));
            if (response.messageId() == null || response.messageId().isBlank()) {
                // a 2xx without the id: AWS may have the message, so it is never sent again
                return ProviderHttp.unreadable(response.sdkHttpResponse().statusCode());
            }
            return new SendResult.Accepted(response.messageId());
        } catch (AwsServiceException e) {
            String detail = "HTTP " + e.statusCode() + ", " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
            return e.isThrottlingException() || e.statusCode() >= 500
                    ? new SendResult.NotSent(ErrorCode.PROVIDER_UNAVAILABLE.code(), detail)
                    : new SendResult.Refused(ErrorCode.PROVIDER_REJECTED.code(), detail);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            return new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(),
                    "no answer in time; the provider may have the message");
        } catch (SdkClientException e) {
            return connectionRefused(e)
                    ? SendResult.NotSent.neverLeft(ErrorCode.PROVIDER_UNAVAILABLE.code(), "could not connect")
                    : new SendResult.Unknown(ErrorCode.PROVIDER_NO_ANSWER.code(),
                            "the connection failed after the request went out");
        }
    }

    /** Only a refused or timed-out connect proves the request never left. */
    private static boolean connectionRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Apache's HttpHostConnectException is a ConnectException
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
