package dev.poolkeeper.bootstrap.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console benchmark (not a test; run by bench/console-bench.sh): a pool of SMALL numbers and one of LARGE
 * numbers, each page opened ROUNDS times by a signed-in operator, the two interleaved so that the machine's
 * noise falls on both alike. Reports p50, p90, p99 and mean of each and the ratio large / small.
 */
public final class ConsoleBench {
    private ConsoleBench() {
    }

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int large = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("poolkeeper.rate-limit.per-minute", 100_000_000);
        config.put("poolkeeper.sync.enabled", "false");
        try (TestServer server = TestServer.start(config)) {
            Api api = server.newAccount();
            long fillStart = System.nanoTime();
            String smallPool = fill(api, "small", small, 0);
            String largePool = fill(api, "large", large, small);
            System.out.printf(Locale.ROOT, "filled pools of %d and %d numbers in %.1f s%n", small, large,
                    (System.nanoTime() - fillStart) / 1e9);

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String cookie = signIn(http, server.uri(), api.key());
            URI smallPage = server.uri().resolve("/console/pools/" + smallPool);
            URI largePage = server.uri().resolve("/console/pools/" + largePool);
            for (int i = 0; i < 200; i++) {
                open(http, smallPage, cookie);
                open(http, largePage, cookie);
            }
            long[] smallTimes = new long[rounds];
            long[] largeTimes = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                boolean smallFirst = i % 2 == 0;
                if (smallFirst) {
                    smallTimes[i] = open(http, smallPage, cookie);
                    largeTimes[i] = open(http, largePage, cookie);
                } else {
                    largeTimes[i] = open(http, largePage, cookie);
                    smallTimes[i] = open(http, smallPage, cookie);
                }
            }
            System.out.println("| pool page | numbers | p50 ms | p90 ms | p99 ms | mean ms |");
            System.out.println("|---|---|---|---|---|---|");
            double smallMean = report("small", small, smallTimes);
            double largeMean = report("large", large, largeTimes);
            System.out.printf(Locale.ROOT, "ratio large / small: p50 %.2f, mean %.2f%n",
                    percentile(largeTimes, 50) / percentile(smallTimes, 50), largeMean / smallMean);
        }
        System.exit(0); // the embedded database's and the HTTP client's threads would keep the JVM up
    }

    /**
     * A new pool of {@code count} Vonage numbers, added 50 a call, numbered from {@code offset} (the benchmarks'
     * pools never share a number).
     */
    static String fill(Api api, String name, int count, int offset) {
        String pool = api.post("/v1/pools", Api.pool(name)).json().get("id").asText();
        for (int from = 0; from < count; from += 50) {
            List<String> items = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 50); i++) {
                int n = offset + i;
                items.add(String.format(Locale.ROOT, "{\"number\":\"+1%03d%03d%04d\",\"provider\":\"vonage\","
                        + "\"campaign_id\":\"CBENCH\"}", 201 + (n / 10_000_000) % 700, 200 + (n / 10_000) % 800,
                        n % 10_000));
            }
            Api.Response r = api.post("/v1/pools/" + pool + "/numbers", Api.numbers(items.toArray(String[]::new)));
            if (r.status() != 200) {
                throw new IllegalStateException("could not fill pool " + pool + ": " + r.body());
            }
        }
        return pool;
    }

    private static String signIn(HttpClient http, URI base, String key) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/console/sign-in"))
                .header("Origin", "http://" + base.getAuthority())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** Nanoseconds to the whole page. */
    private static long open(HttpClient http, URI page, String cookie) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200 || !r.body().contains("id=\"members\"")) {
            throw new IllegalStateException("the pool page did not open: " + r.statusCode());
        }
        return took;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double report(String label, int numbers, long[] nanos) {
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %.2f |%n", label, numbers,
                percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), mean);
        return mean;
    }
}
