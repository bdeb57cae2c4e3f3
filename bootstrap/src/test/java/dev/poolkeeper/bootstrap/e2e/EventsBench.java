package dev.poolkeeper.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The events benchmark (not a test; run by bench/events-bench.sh). An account with one event endpoint (a JDK
 * HTTP server on loopback that times each event as it arrives) sends MESSAGES messages through a pool of 20
 * sandbox numbers (receipts come back through the sandbox's webhook); reported: how long after its delivery
 * receipt was applied (the event's {@code created_at}, written in the receipt's transaction) each
 * {@code message.delivered} event reached the endpoint — p50, p90, p99, max — and how many events arrived
 * twice. Then the endpoint answers 503 for OUTAGE minutes while OUTAGE_MESSAGES more messages are sent at its
 * start; after it is back, every event of the account (read with {@code GET /v1/events}) must arrive, each id
 * acknowledged once.
 */
public final class EventsBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventsBench() {
    }

    /** An event acknowledged by the endpoint: its type, when it was made, when it arrived. */
    private record Arrival(String type, Instant createdAt, long arrivedMillis) {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int outageMinutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int outageMessages = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Arrival> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger twice = new AtomicInteger();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 256);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/hook", exchange -> {
            long at = System.currentTimeMillis();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            JsonNode event = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            Arrival arrival = new Arrival(event.get("type").asText(), Instant.parse(event.get("created_at").asText()),
                    at);
            if (acknowledged.putIfAbsent(event.get("id").asText(), arrival) != null) {
                twice.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();

        Map<String, Object> config = Simulations.sandbox();
        config.put("poolkeeper.providers.sandbox.receipt-delay", "PT0.2S");
        config.put("poolkeeper.events.allow-loopback", "true");
        config.put("poolkeeper.rate-limit.per-minute", 100_000_000);
        config.put("poolkeeper.sync.enabled", "false");
        config.put("poolkeeper.send-budget.long-code", 10);
        TestServer server = TestServer.start(config);
        Api api = server.newAccount();
        Api.Response endpoint = api.post("/v1/event-endpoints", "{\"url\":\"http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook\"}");
        if (endpoint.status() != 201) {
            throw new IllegalStateException(endpoint.body());
        }
        String pool = api.post("/v1/pools", "{\"name\":\"events\"}").json().get("id").asText();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(String.format(Locale.ROOT, "{\"number\":\"+1415555%04d\",\"provider\":\"sandbox\","
                    + "\"campaign_id\":\"CSANDBOX\"}", 2000 + i));
        }
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(members.toArray(String[]::new)));
        if (added.status() != 200) {
            throw new IllegalStateException(added.body());
        }

        long start = System.nanoTime();
        accept(api, pool, 0, messages);
        awaitDelivered(acknowledged, messages, 600);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        List<Long> latencies = new ArrayList<>();
        acknowledged.values().stream().filter(a -> a.type().equals("message.delivered"))
                .forEach(a -> latencies.add(a.arrivedMillis() - a.createdAt().toEpochMilli()));
        latencies.sort(Long::compare);
        System.out.printf(Locale.ROOT, "under load: %d messages sent and delivered in %.1f s (%.0f/s), %d events"
                        + " acknowledged; receipt applied -> endpoint received, message.delivered: p50 %d ms, p90 %d ms,"
                        + " p99 %d ms, max %d ms (%d events); arrived twice: %d%n", messages, loadSeconds,
                messages / loadSeconds, acknowledged.size(), pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), latencies.get(latencies.size() - 1), latencies.size(), twice.get());

        down.set(true);
        long outageStart = System.nanoTime();
        accept(api, pool, messages, outageMessages);
        Thread.sleep(outageMinutes * 60_000L);
        down.set(false);
        long backAt = System.nanoTime();
        Set<String> all = eventIds(api);
        long deadline = System.nanoTime() + (outageMinutes + 15) * 60_000_000_000L;
        while (!acknowledged.keySet().containsAll(all) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            all = eventIds(api);
        }
        Set<String> missing = new HashSet<>(all);
        missing.removeAll(acknowledged.keySet());
        System.out.printf(Locale.ROOT, "outage: endpoint down %.1f min (%d deliveries refused meanwhile) while %d more"
                        + " messages were sent; back, the last of the account's %d events arrived %.1f min later;"
                        + " missing: %d; arrived twice: %d%n", (backAt - outageStart) / 6e10, refused.get(),
                outageMessages, all.size(), (System.nanoTime() - backAt) / 6e10, missing.size(), twice.get());
        server.close();
        receiver.stop(0);
        System.exit(missing.isEmpty() && twice.get() == 0 ? 0 : 1);
    }

    private static void accept(Api api, String pool, int from, int count) {
        for (int at = from; at < from + count; at += 1000) {
            StringBuilder batch = new StringBuilder("{\"messages\":[");
            for (int i = at; i < Math.min(from + count, at + 1000); i++) {
                // recipients ending 1000 and up: the sandbox delivers them
                batch.append(i == at ? "" : ",").append(String.format(Locale.ROOT, "{\"pool_id\":\"%s\","
                        + "\"to\":\"+1212%07d\",\"text\":\"m%d\"}", pool, 3_001_000 + i, i));
            }
            Api.Response r = api.post("/v1/messages/batch", batch + "]}");
            if (r.status() != 202) {
                throw new IllegalStateException("batch not accepted: " + r.status());
            }
        }
    }

    private static void awaitDelivered(Map<String, Arrival> acknowledged, int messages, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (acknowledged.values().stream().filter(a -> a.type().equals("message.delivered")).count() < messages
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Every event id of the account, read page by page. */
    private static Set<String> eventIds(Api api) {
        Set<String> ids = new HashSet<>();
        String after = null;
        while (true) {
            JsonNode page = api.get("/v1/events?page_size=200" + (after == null ? "" : "&after=" + after)).json();
            JsonNode items = page.get("items");
            items.forEach(e -> ids.add(e.get("id").asText()));
            if (items.size() < 200) {
                return ids;
            }
            after = items.get(items.size() - 1).get("id").asText();
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
