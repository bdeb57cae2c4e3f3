package dev.poolkeeper.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shaping benchmark (not a test; run by bench/shaping-bench.sh): a burst of MESSAGES messages into a pool
 * of 20 long codes (1/s each) and 2 toll-free numbers (20/s each), type weights long code 1 : toll-free 2
 * (so the aggregate, 60/s, is reachable), against a Telnyx stub on loopback, with INSTANCES service
 * instances dispatching. Reports how long accepting took, the rate the provider saw against the pool's
 * aggregate, the most messages any number sent in any one-second window as the provider saw it, and how many
 * messages reached the provider more than once.
 */
public final class ShapingBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShapingBench() {
    }

    /** One send as the provider saw it. */
    private record Seen(long atMillis, String from, String text) {
    }

    /** The server's statement counters (it serves every instance of the run). */
    private static Map<String, Long> statements(TestServer server) throws java.sql.SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (java.sql.Connection c = server.database(); java.sql.ResultSet rs = c.createStatement().executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', 'Com_update', 'Com_delete',"
                        + " 'Com_commit', 'Innodb_rows_inserted', 'Innodb_rows_updated', 'Innodb_rows_read')")) {
            while (rs.next()) {
                counts.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        }
        return counts;
    }

    /** Average row bytes of the tables a message writes (InnoDB's estimate, after ANALYZE). */
    private static String rowBytes(TestServer server) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder();
        try (java.sql.Connection c = server.database()) {
            for (String table : List.of("messages", "events")) {
                c.createStatement().execute("ANALYZE TABLE " + table);
                try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT table_rows, avg_row_length,"
                        + " data_length, index_length FROM information_schema.tables WHERE table_schema = DATABASE()"
                        + " AND table_name = '" + table + "'")) {
                    rs.next();
                    out.append(String.format(Locale.ROOT, " %s ~%d rows, avg row %d B, data %d KiB, indexes %d KiB;",
                            table, rs.getLong(1), rs.getLong(2), rs.getLong(3) / 1024, rs.getLong(4) / 1024));
                }
            }
        }
        return out.toString();
    }

    /** The most of these times (milliseconds) that fall within any one second. */
    private static int maxInAnySecond(List<Long> times) {
        List<Long> t = new ArrayList<>(times);
        Collections.sort(t);
        int max = 0;
        for (int i = 0, j = 0; i < t.size(); i++) {
            while (t.get(i) - t.get(j) >= 1000) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Seen> seen = new CopyOnWriteArrayList<>();
        // a plain JDK server: each request is timed as it arrives, before anything else is done with it, so the
        // stub's own work does not bunch the times it records
        com.sun.net.httpserver.HttpServer telnyx = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 256);
        telnyx.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(64));
        java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
        telnyx.createContext("/v2/messages", exchange -> {
            long at = System.currentTimeMillis();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            seen.add(new Seen(at, body.get("from").asText(), body.get("text").asText()));
            byte[] answer = ("{\"data\":{\"record_type\":\"message\",\"id\":\"bench-" + ids.incrementAndGet()
                    + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        telnyx.start();
        String telnyxUrl = "http://127.0.0.1:" + telnyx.getAddress().getPort();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("poolkeeper.providers.telnyx.base-url", telnyxUrl);
        config.put("poolkeeper.providers.telnyx.api-key", "telnyx-key");
        config.put("poolkeeper.rate-limit.per-minute", 100_000_000);
        config.put("poolkeeper.sync.enabled", "false");
        config.put("poolkeeper.send-budget.shared", instances > 1 ? "true" : "auto");
        TestServer first = TestServer.start(config);
        List<TestServer> others = new ArrayList<>();
        for (int i = 1; i < instances; i++) {
            others.add(first.secondInstance());
        }
        if (instances > 1) {
            // a cluster that has settled, as in service: the instances have seen each other and each has taken
            // its share of the senders (a share is handed over two heartbeat intervals and a second after a join)
            Thread.sleep(12_000);
        }
        Api api = first.newAccount();
        String pool = api.post("/v1/pools", "{\"name\":\"shaping\",\"long_code_weight\":1,\"toll_free_weight\":2}")
                .json().get("id").asText();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(String.format(Locale.ROOT, "{\"number\":\"+1415555%04d\",\"provider\":\"telnyx\","
                    + "\"campaign_id\":\"CBENCH\"}", 100 + i));
        }
        members.add("{\"number\":\"+18005550100\",\"provider\":\"telnyx\",\"type\":\"toll_free\"}");
        members.add("{\"number\":\"+18885550100\",\"provider\":\"telnyx\",\"type\":\"toll_free\"}");
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(members.toArray(String[]::new)));
        if (added.status() != 200) {
            throw new IllegalStateException(added.body());
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            rates.put(String.format(Locale.ROOT, "+1415555%04d", 100 + i), 1.0);
        }
        rates.put("+18005550100", 20.0);
        rates.put("+18885550100", 20.0);
        double aggregate = rates.values().stream().mapToDouble(Double::doubleValue).sum();

        Map<String, Long> statementsBefore = statements(first);
        long acceptStart = System.nanoTime();
        for (int from = 0; from < messages; from += 1000) {
            StringBuilder batch = new StringBuilder("{\"messages\":[");
            for (int i = from; i < Math.min(messages, from + 1000); i++) {
                batch.append(i == from ? "" : ",").append(String.format(Locale.ROOT, "{\"pool_id\":\"%s\","
                        + "\"to\":\"+1212%07d\",\"text\":\"m%d\"}", pool, 2_000_000 + i, i));
            }
            Api.Response r = api.post("/v1/messages/batch", batch + "]}");
            if (r.status() != 202) {
                throw new IllegalStateException("batch not accepted: " + r.status() + " " + r.body().substring(0,
                        Math.min(500, r.body().length())));
            }
        }
        double acceptSeconds = (System.nanoTime() - acceptStart) / 1e9;
        long deadline = System.nanoTime() + (long) ((messages / aggregate) * 2 + 120) * 1_000_000_000L;
        while (seen.size() < messages && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(2_000); // anything sent twice would come now
        Map<String, Long> statementsAfter = statements(first);
        StringBuilder perMessage = new StringBuilder();
        statementsAfter.forEach((k, v) -> perMessage.append(String.format(Locale.ROOT, " %s %.2f", k,
                (v - statementsBefore.getOrDefault(k, 0L)) / (double) messages)));
        String bytes = rowBytes(first);
        List<Seen> sends = new ArrayList<>(seen);
        sends.sort((a, b) -> Long.compare(a.atMillis(), b.atMillis()));
        double seconds = (sends.get(sends.size() - 1).atMillis() - sends.get(0).atMillis()) / 1000.0;
        double rate = (sends.size() - 1) / seconds;
        Map<String, Integer> times = new ConcurrentHashMap<>();
        sends.forEach(s -> times.merge(s.text(), 1, Integer::sum));
        long twice = times.values().stream().filter(n -> n > 1).count();
        Map<String, List<Long>> byNumber = new LinkedHashMap<>();
        sends.forEach(s -> byNumber.computeIfAbsent(s.from(), k -> new ArrayList<>()).add(s.atMillis()));
        StringBuilder worst = new StringBuilder();
        boolean anyAbove = false;
        for (Map.Entry<String, List<Long>> e : byNumber.entrySet()) {
            List<Long> t = e.getValue();
            int max = maxInAnySecond(t);
            double limit = rates.getOrDefault(e.getKey(), 0.0);
            anyAbove |= max > limit;
            if (limit > 1 || max > limit) {
                worst.append(String.format(Locale.ROOT, " %s(%.0f/s): max %d in 1 s, %d sent;", e.getKey(), limit,
                        max, t.size()));
            }
        }
        int longCodeMax = byNumber.entrySet().stream().filter(e -> rates.getOrDefault(e.getKey(), 0.0) == 1.0)
                .mapToInt(e -> maxInAnySecond(e.getValue())).max().orElse(0);
        System.out.printf(Locale.ROOT, "instances %d: %d messages accepted in %.1f s (%.0f/s); %d reached the"
                        + " provider over %.1f s = %.1f/s, %.1f %% of the pool's %.0f/s; sent twice: %d;"
                        + " long codes at most %d in any 1 s;%s any number above its rate: %s%n", instances, messages,
                acceptSeconds, messages / acceptSeconds, sends.size(), seconds, rate, 100 * rate / aggregate,
                aggregate, twice, longCodeMax, worst, anyAbove ? "YES" : "no");
        System.out.printf(Locale.ROOT, "database work per message, all instances and background jobs"
                + " included:%s; stored: %s%n", perMessage, bytes);
        for (TestServer s : others) {
            s.close();
        }
        first.close();
        telnyx.stop(0);
        System.exit(0);
    }
}
