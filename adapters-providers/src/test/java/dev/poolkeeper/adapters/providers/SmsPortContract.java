package dev.poolkeeper.adapters.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every provider's sender does, whatever its wire format: a subclass says how its provider's send
 * request looks and how the provider answers; these tests hold the port to one meaning of each answer —
 * the promise that a message is never sent twice rests on it (only {@code not_sent} may be retried).
 */
public abstract class SmsPortContract {
    protected final WireMockServer stub = ProviderStubs.start();
    private final List<SmsPort> made = new ArrayList<>();

    /** The provider's sender, calling the provider at {@code baseUrl}. */
    protected abstract SmsPort port(String baseUrl);

    /** The provider's send request, as the stub matches it. */
    protected abstract MappingBuilder sendRequest();

    /** The provider accepted the message under {@code providerId}. */
    protected abstract ResponseDefinitionBuilder accepted(String providerId);

    /** The provider refused this message for good (an invalid sender), in its own words {@code words}. */
    protected abstract ResponseDefinitionBuilder refused(String words);

    /** The provider asks to slow down: nothing was sent. */
    protected abstract ResponseDefinitionBuilder throttled();

    /** The provider failed before taking the message: nothing was sent. */
    protected abstract ResponseDefinitionBuilder failed();

    /** Releases what a port holds (an SDK client). */
    protected void close(SmsPort port) {
    }

    private SmsPort port() {
        SmsPort port = port(stub.baseUrl());
        made.add(port);
        return port;
    }

    private SendResult sendWith(ResponseDefinitionBuilder answer) {
        stub.stubFor(sendRequest().willReturn(answer));
        return port().send(ProviderStubs.sms());
    }

    @AfterEach
    void stopStub() {
        made.forEach(this::close);
        stub.stop();
    }

    @Test
    void anAcceptedMessageCarriesTheProvidersIdAndWasSentOnce() {
        assertEquals(new SendResult.Accepted("prov-msg-1"), sendWith(accepted("prov-msg-1")));
        assertEquals(1, stub.findAll(anyRequestedFor(anyUrl())).size());
    }

    @Test
    void aRefusalIsFinalAndKeepsTheProvidersWords() {
        SendResult result = sendWith(refused("Illegal Sender Address"));
        assertInstanceOf(SendResult.Refused.class, result);
        assertTrue(result.detail().contains("Illegal Sender Address"), result.detail());
    }

    @Test
    void throttlingAndProviderFailuresSentNothingAndAreNotRetriedInside() {
        assertInstanceOf(SendResult.NotSent.class, sendWith(throttled()));
        assertInstanceOf(SendResult.NotSent.class, sendWith(failed()));
        assertEquals(2, stub.findAll(anyRequestedFor(anyUrl())).size(), "one request per send: the caller retries");
    }

    @Test
    void aResetOrATimeoutAfterTheRequestLeftMayHaveSentItAndIsUnknown() {
        assertInstanceOf(SendResult.Unknown.class, sendWith(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertInstanceOf(SendResult.Unknown.class, sendWith(aResponse().withStatus(200)
                .withFixedDelay((int) ProviderStubs.TIMEOUT.toMillis() * 3)));
    }

    @Test
    void aSuccessInAShapeThatCannotBeReadIsUnknownNeverRefused() {
        SendResult result = sendWith(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"unexpected\":true}"));
        assertInstanceOf(SendResult.Unknown.class, result, "a 2xx may mean accepted: " + result);
    }

    @Test
    void aRefusedConnectionSentNothing() {
        SmsPort nowhere = port(ProviderStubs.closedPort());
        made.add(nowhere);
        SendResult result = nowhere.send(ProviderStubs.sms());
        assertInstanceOf(SendResult.NotSent.class, result);
        assertFalse(((SendResult.NotSent) result).reachedProvider(), result.toString());
    }

    @Test
    void itIsASendingProviderWithItsCapabilitiesStated() {
        SmsPort port = port();
        assertTrue(port.configured(), "credentials given: configured");
        assertTrue(port.provider().sends());
        assertTrue(port.capabilities().addBatch() >= 1, port.capabilities().toString());
    }
}
