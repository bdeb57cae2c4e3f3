package dev.poolkeeper.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.vonage.VonagePoolsSimulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provider-sync benchmark (not a test; run by bench/sync-bench.sh): POOLS pools of NUMBERS Vonage
 * numbers each are created with the sync worker off, then INSTANCES service instances with the worker on
 * drain the outbox against the stateful Vonage simulation on loopback. Reports the wall time until every
 * part is in sync, the provider calls made against the minimum possible, and then the same for a full
 * reconcile of the pools already in sync.
 */
public final class SyncBench {
    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        int pools = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int numbers = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        VonagePoolsSimulator simulator = new VonagePoolsSimulator("abcd1234", "vonage-secret");
        WireMockServer vonage = new WireMockServer(options().dynamicPort().containerThreads(32)
                .disableRequestJournal().extensions(simulator));
        vonage.start();
        vonage.stubFor(any(urlPathMatching("/v2/numberpools/.*"))
                .willReturn(aResponse().withTransformers(VonagePoolsSimulator.NAME)));
        CountingJournal journal = new CountingJournal(vonage);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("poolkeeper.providers.vonage.base-url", vonage.baseUrl());
        config.put("poolkeeper.providers.vonage.api-key", "abcd1234");
        config.put("poolkeeper.providers.vonage.api-secret", "vonage-secret");
        config.put("poolkeeper.rate-limit.per-minute", 100_000_000);
        config.put("poolkeeper.sync.enabled", "false");
        config.put("poolkeeper.sync.poll-interval", "100ms");
        config.put("poolkeeper.sync.interval", "PT24H");
        TestServer setup = TestServer.start(config);
        Api api = setup.newAccount();
        long fillStart = System.nanoTime();
        for (int p = 0; p < pools; p++) {
            ConsoleBench.fill(api, "bench-" + p, numbers, p * numbers);
        }
        System.out.printf(Locale.ROOT, "filled %d pools x %d numbers in %.1f s (worker off)%n", pools, numbers,
                (System.nanoTime() - fillStart) / 1e9);

        journal.reset();
        long start = System.nanoTime();
        List<TestServer> workers = new ArrayList<>();
        Map<String, Object> on = new LinkedHashMap<>(config);
        on.put("poolkeeper.sync.enabled", "true");
        for (int i = 0; i < instances; i++) {
            workers.add(setup.withProperties(on));
        }
        awaitAllInSync(setup, pools);
        double seconds = (System.nanoTime() - start) / 1e9;
        int adds = (numbers + 49) / 50;
        report("first sync", pools, seconds, journal.counts(), pools * (2 + adds), pools * (1 + adds));

        journal.reset();
        try (Connection c = setup.database()) {
            c.createStatement().executeUpdate("INSERT INTO sync_requests (pool_id, account_id, asked_at, due_at)"
                    + " SELECT id, account_id, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM pools");
        }
        start = System.nanoTime();
        awaitAllInSync(setup, pools);
        seconds = (System.nanoTime() - start) / 1e9;
        report("full reconcile, all in sync", pools, seconds, journal.counts(), pools * (1 + (numbers + 99) / 100),
                0);
        for (TestServer w : workers) {
            w.close();
        }
        setup.close();
        vonage.stop();
        System.exit(0);
    }

    private static void awaitAllInSync(TestServer server, int pools) throws Exception {
        while (true) {
            try (Connection c = server.database();
                 ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM sync_requests),"
                         + " (SELECT COUNT(*) FROM sync_parts WHERE state = 'in_sync')")) {
                rs.next();
                if (rs.getInt(1) == 0 && rs.getInt(2) == pools) {
                    return;
                }
            }
            Thread.sleep(200);
        }
    }

    private static void report(String what, int pools, double seconds, Map<String, Integer> calls, int minimum,
                               int minimumWrites) {
        int total = calls.values().stream().mapToInt(Integer::intValue).sum();
        int writes = total - calls.getOrDefault("GET", 0);
        System.out.printf(Locale.ROOT, "%s: %d pools in %.1f s (%.1f pools/s); provider calls %d (minimum %d),"
                + " writes %d (minimum %d); by method %s%n", what, pools, seconds, pools / seconds, total, minimum,
                writes, minimumWrites, new TreeMap<>(calls));
    }

    /** Counts the simulator's requests by method without WireMock's journal (which would hold them all). */
    private static final class CountingJournal {
        private final Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();

        CountingJournal(WireMockServer server) {
            server.addMockServiceRequestListener((request, response) ->
                    counts.merge(request.getMethod().getName(), 1, Integer::sum));
        }

        void reset() {
            counts.clear();
        }

        Map<String, Integer> counts() {
            return Map.copyOf(counts);
        }
    }
}
