package dev.poolkeeper.bootstrap.e2e;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the provider-sync tests share: a provider simulation on WireMock, and a quick sync worker. */
final class Simulations {
    private Simulations() {
    }

    /** A WireMock server whose requests under {@code pathPattern} the simulation answers. */
    static WireMockServer start(ResponseDefinitionTransformerV2 simulation, String pathPattern) {
        return ProviderStubs.simulate(simulation, pathPattern);
    }

    /** Forgets every fault stub and recorded request; the simulation (and its state) stays. */
    static void serveAll(WireMockServer server, ResponseDefinitionTransformerV2 simulation, String pathPattern) {
        ProviderStubs.serveAll(server, simulation, pathPattern);
    }

    /** A worker that polls every 200 ms and backs off briefly, so tests converge in seconds. */
    static Map<String, Object> quickSync() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("poolkeeper.sync.poll-interval", "200ms");
        config.put("poolkeeper.sync.backoff", "PT0.05S");
        config.put("poolkeeper.sync.max-wait", "PT1S");
        return config;
    }

    /** Quick sync and the built-in sandbox provider on, its receipts after 0.1 s, signed with a fixed secret. */
    static Map<String, Object> sandbox() {
        Map<String, Object> config = quickSync();
        config.put("poolkeeper.providers.sandbox.enabled", "true");
        config.put("poolkeeper.providers.sandbox.receipt-delay", "PT0.1S");
        config.put("poolkeeper.providers.sandbox.secret", "sandbox-secret-for-tests");
        return config;
    }

    static void stop(TestServer server, WireMockServer provider) {
        server.close();
        provider.stop();
        Api.assertServedAsDocumented();
    }
}
