package dev.poolkeeper.adapters.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.number.PhoneNumber;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/** A WireMock server standing in for a provider, and what every vendor test sends through it. */
public final class ProviderStubs {
    /** Generous: a cold first call on a loaded CI machine once took longer than 800 ms. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private ProviderStubs() {
    }

    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    /** A WireMock server whose requests under {@code pathPattern} a stateful simulation of the provider answers. */
    public static WireMockServer simulate(ResponseDefinitionTransformerV2 simulation, String pathPattern) {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(simulation));
        server.start();
        serveAll(server, simulation, pathPattern);
        return server;
    }

    /** Forgets every fault stub and recorded request; the simulation (and its state) stays. */
    public static void serveAll(WireMockServer server, ResponseDefinitionTransformerV2 simulation,
                                String pathPattern) {
        server.resetAll();
        server.stubFor(any(urlPathMatching(pathPattern)).atPriority(10)
                .willReturn(aResponse().withTransformers(simulation.getName())));
    }

    public static ProviderHttp http() {
        return new ProviderHttp(Duration.ofSeconds(3), TIMEOUT, JsonMapper.createDefault());
    }

    public static OutboundSms sms() {
        return new OutboundSms("+14155550100", PhoneNumber.parse("+12125550100"), "hello & bye",
                MessageId.newId(Instant.parse("2026-11-23T10:15:00Z")));
    }

    /** A local address where nothing listens: the connection is refused. */
    public static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
