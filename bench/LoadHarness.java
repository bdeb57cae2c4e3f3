import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poolkeeper's load harness: a single-file Java program (run with `java bench/LoadHarness.java`, no
 * build). Talks to a running server on loopback only; every loop is bounded in count and time.
 *
 * 1. fills one pool with N numbers through 50-number bulk adds and measures those calls;
 * 2. walks the pool's pages once to find the last page's token;
 * 3. measures, each for a fixed time at a fixed concurrency, in one run against one server:
 *    GET /health/liveness, GET /v1/pools/{id}/numbers (first page), the same on the last page.
 *
 * 4. fills a second pool (geomatch, sticky off) with 10,000 numbers over 100 area codes and measures
 *    POST /v1/pools/{id}/sender-selections (real selections, varying recipients) next to liveness again,
 *    then POST /v1/messages to the same pool and recipients: scheduled two hours ahead (the accept path
 *    alone), then both again in four short alternating pairs (a ratio per pair and their median), then
 *    to go now (the dispatcher sends them and the receipts come back meanwhile). Both paths are warmed
 *    up first. Each row also gives the CPU time the server and its embedded database spent per
 *    request during the row (read from the operating system, so it needs the harness on the same machine).
 *
 * Usage: java bench/LoadHarness.java BASE_URL API_KEY [numbers=100000] [seconds=20] [concurrency=8]
 * (numbers=0 runs only step 4.)
 */
public final class LoadHarness {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"(pool_[A-Z0-9]+)\"");
    private static final Pattern NEXT = Pattern.compile("\"next_page_token\":\"([^\"]+)\"");

    /** How many alternating pairs {@link #alternate} measures. */
    private static final int PAIRS = 4;

    private final String base;
    private final String key;
    /** The pairs measured by {@link #alternate}, printed after the table. */
    private final List<String> pairs = new ArrayList<>();

    private LoadHarness(String base, String key) {
        this.base = base.replaceAll("/$", "");
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/LoadHarness.java BASE_URL API_KEY [numbers] [seconds] [concurrency]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!List.of("localhost", "127.0.0.1", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("the harness only targets loopback, not " + base.getHost());
        }
        int numbers = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        new LoadHarness(args[0], args[1]).run(numbers, seconds, concurrency);
    }

    private void run(int numbers, int seconds, int concurrency) throws Exception {
        if (numbers == 0) {
            List<Result> only = selections(seconds, concurrency);
            System.out.println();
            System.out.println(Result.HEADER);
            only.forEach(r -> System.out.println(r.row()));
            System.out.println();
            pairs.forEach(System.out::println);
            return;
        }
        HttpResponse<String> created = send("POST", "/v1/pools",
                "{\"name\":\"bench-" + System.currentTimeMillis() + "\"}");
        Matcher m = ID.matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not create a pool: " + created.statusCode() + " " + created.body());
        }
        String pool = m.group(1);
        String numbersPath = "/v1/pools/" + pool + "/numbers";
        int calls = numbers / 50;
        System.out.printf(Locale.ROOT, "filling %s with %,d numbers in %,d bulk adds of 50 (concurrency 2)%n",
                pool, calls * 50, calls);
        Result bulk = measureCount("POST " + numbersPath + " (50 numbers)", calls, 2,
                i -> request("POST", numbersPath, batch(i)), 200);

        String lastToken = null;
        String token = null;
        int pages = 0;
        do {
            HttpResponse<String> page = send("GET", numbersPath + (token == null ? "" : "?page_token=" + token), null);
            lastToken = token;
            Matcher next = NEXT.matcher(page.body());
            token = next.find() ? next.group(1) : null;
            pages++;
        } while (token != null && pages < 1_000_000);
        System.out.printf(Locale.ROOT, "walked %,d pages of 50; last page token %s%n", pages, lastToken);
        String lastPage = numbersPath + "?page_token=" + lastToken;

        List<Result> results = new ArrayList<>();
        results.add(bulk);
        measureTime("warm-up", 5, concurrency, i -> request("GET", numbersPath, null), 200);
        results.add(measureTime("GET /health/liveness", seconds, concurrency,
                i -> HttpRequest.newBuilder(URI.create(base + "/health/liveness")).GET().build(), 200));
        results.add(measureTime("GET " + numbersPath.replace(pool, "{id}") + " (first page)", seconds, concurrency,
                i -> request("GET", numbersPath, null), 200));
        results.add(measureTime("GET " + numbersPath.replace(pool, "{id}") + " (last page)", seconds, concurrency,
                i -> request("GET", lastPage, null), 200));

        results.addAll(selections(seconds, concurrency));

        System.out.println();
        System.out.println(Result.HEADER);
        for (Result r : results) {
            System.out.println(r.row());
        }
        System.out.println();
        pairs.forEach(System.out::println);
    }

    private List<Result> selections(int seconds, int concurrency) throws Exception {
        HttpResponse<String> created = send("POST", "/v1/pools",
                "{\"name\":\"bench-selection-" + System.currentTimeMillis() + "\",\"geomatch\":true}");
        Matcher m = ID.matcher(created.body());
        if (created.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not create a pool: " + created.body());
        }
        String pool = m.group(1);
        List<Integer> areas = List.of(201, 202, 203, 205, 206, 207, 208, 209, 210, 212, 213, 214, 215, 216, 217, 218,
                219, 224, 225, 228, 229, 231, 234, 239, 240, 248, 251, 252, 253, 254, 256, 260, 262, 267, 269, 270,
                276, 281, 301, 302, 303, 304, 305, 307, 308, 309, 310, 312, 313, 314, 315, 316, 317, 318, 319, 320,
                321, 323, 325, 330, 334, 336, 337, 339, 347, 351, 352, 360, 361, 386, 401, 402, 404, 405, 406, 407,
                408, 409, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 432, 434, 435, 440, 443, 469, 478, 479,
                480, 484, 501, 502);
        for (int call = 0; call < 200; call++) {
            StringBuilder sb = new StringBuilder("{\"numbers\":[");
            for (int j = 0; j < 50; j++) {
                int n = call * 50 + j;
                sb.append(j > 0 ? "," : "").append(String.format(Locale.ROOT,
                        "{\"number\":\"+1%03d%03d%04d\",\"provider\":\"sandbox\",\"campaign_id\":\"CBENCH2\"}",
                        areas.get(n % areas.size()), 300 + n / 10_000, n % 10_000));
            }
            HttpResponse<String> added = send("POST", "/v1/pools/" + pool + "/numbers", sb.append("]}").toString());
            if (added.statusCode() != 200) {
                throw new IllegalStateException("could not fill the selection pool: " + added.body());
            }
        }
        String path = "/v1/pools/" + pool + "/sender-selections";
        // recipients ending 1000-9999: the sandbox scripts the ones ending 0001-0008 (0005 replies STOP)
        IntFunction<HttpRequest> selection = i -> request("POST", path, String.format(Locale.ROOT,
                "{\"to\":\"+1%03d555%04d\"}", areas.get(i % areas.size()), 1000 + i % 9000));
        // accepted for two hours later: the accept path alone (decision, queue bound, message and event stored)
        String later = java.time.Instant.now().plusSeconds(7200).toString();
        IntFunction<HttpRequest> scheduled = i -> request("POST", "/v1/messages", String.format(Locale.ROOT,
                "{\"pool_id\":\"%s\",\"to\":\"+1%03d555%04d\",\"text\":\"bench %d\",\"send_at\":\"%s\"}",
                pool, areas.get(i % areas.size()), 1000 + i % 9000, i, later));
        // queued to go now: the dispatcher sends them and their receipts come back on the same cores meanwhile
        IntFunction<HttpRequest> message = i -> request("POST", "/v1/messages", String.format(Locale.ROOT,
                "{\"pool_id\":\"%s\",\"to\":\"+1%03d555%04d\",\"text\":\"bench %d\"}", pool,
                areas.get(i % areas.size()), 1000 + i % 9000, i));
        measureTime("warm-up: selections", 10, concurrency, selection, 200);
        measureTime("warm-up: messages", 10, concurrency, scheduled, 202);
        measureTime("warm-up: liveness", 5, concurrency,
                i -> HttpRequest.newBuilder(URI.create(base + "/health/liveness")).GET().build(), 200);
        List<Result> results = new ArrayList<>();
        results.add(measureTime("GET /health/liveness (again)", seconds, concurrency,
                i -> HttpRequest.newBuilder(URI.create(base + "/health/liveness")).GET().build(), 200));
        results.add(measureTime("POST /v1/pools/{id}/sender-selections (10,000 numbers, geomatch)", seconds,
                concurrency, selection, 200));
        results.add(measureTime("POST /v1/messages, send_at in 2 h (same pool: decision, then stored)", seconds,
                concurrency, scheduled, 202));
        alternate(Math.max(3, seconds / 3), concurrency, selection, scheduled);
        results.add(measureTime("POST /v1/messages, to go now (dispatched and receipted meanwhile)", seconds,
                concurrency, message, 202));
        return results;
    }

    /**
     * Selections and the accept path alone, measured in {@value #PAIRS} short pairs one right after the other
     * (the first of a pair alternating), each pair giving a ratio: what the machine's drift does to one long
     * row it does to both sides of a pair.
     */
    private void alternate(int seconds, int concurrency, IntFunction<HttpRequest> selection,
                           IntFunction<HttpRequest> scheduled) throws Exception {
        double[] ratios = new double[PAIRS];
        for (int k = 0; k < PAIRS; k++) {
            Result selected;
            Result accepted;
            if (k % 2 == 0) {
                selected = measureTime("pair " + (k + 1) + ": selections", seconds, concurrency, selection, 200);
                accepted = measureTime("pair " + (k + 1) + ": accepted", seconds, concurrency, scheduled, 202);
            } else {
                accepted = measureTime("pair " + (k + 1) + ": accepted", seconds, concurrency, scheduled, 202);
                selected = measureTime("pair " + (k + 1) + ": selections", seconds, concurrency, selection, 200);
            }
            ratios[k] = accepted.perSecond() / selected.perSecond();
            pairs.add(String.format(Locale.ROOT, "pair %d: accepted %,.0f/s, selections %,.0f/s, ratio %.2f", k + 1,
                    accepted.perSecond(), selected.perSecond(), ratios[k]));
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        pairs.add(String.format(Locale.ROOT, "accepted / selections over %d alternating pairs of %d s: median %.2f,"
                + " range %.2f-%.2f", PAIRS, seconds, (sorted[(PAIRS - 1) / 2] + sorted[PAIRS / 2]) / 2, sorted[0],
                sorted[PAIRS - 1]));
    }

    private String batch(int call) {
        StringBuilder sb = new StringBuilder("{\"numbers\":[");
        for (int j = 0; j < 50; j++) {
            int n = call * 50 + j;
            if (j > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT,
                    "{\"number\":\"+1415%03d%04d\",\"provider\":\"telnyx\",\"campaign_id\":\"CBENCH1\"}",
                    200 + (n / 10_000) % 800, n % 10_000));
        }
        return sb.append("]}").toString();
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", key);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HTTP.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    record Result(String name, int concurrency, long[] latenciesNanos, long errors, double seconds,
                  double serverCpuMs, double databaseCpuMs) {
        static final String HEADER = "| what | concurrency | requests | errors | req/s | p50 ms | p99 ms"
                + " | server CPU ms/req | database CPU ms/req |\n|---|---|---|---|---|---|---|---|---|";

        double perSecond() {
            return latenciesNanos.length / seconds;
        }

        String row() {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int n = Math.max(1, sorted.length);
            return String.format(Locale.ROOT, "| %s | %d | %,d | %d | %,.0f | %.2f | %.2f | %.3f | %.3f |", name,
                    concurrency, sorted.length, errors, sorted.length / seconds, pct(sorted, 0.50), pct(sorted, 0.99),
                    serverCpuMs / n, databaseCpuMs / n);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /**
     * The CPU time (user and system, ms) of the local processes whose command line names {@code marker}: the
     * server ({@code poolkeeper.jar}) and its embedded database ({@code mariadbd}); 0 where the platform
     * does not tell.
     */
    private static long cpuMillis(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L)).sum();
    }

    /** Exactly {@code count} requests, spread over {@code concurrency} threads. */
    private Result measureCount(String name, int count, int concurrency, IntFunction<HttpRequest> next,
                                int expected) throws Exception {
        AtomicInteger issued = new AtomicInteger();
        return measure(name, concurrency, expected, next, () -> issued.getAndIncrement() < count ? issued.get() - 1 : -1);
    }

    /** As many requests as fit in {@code seconds}, from {@code concurrency} threads. */
    private Result measureTime(String name, int seconds, int concurrency, IntFunction<HttpRequest> next,
                               int expected) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger issued = new AtomicInteger();
        return measure(name, concurrency, expected, next,
                () -> System.nanoTime() < end && issued.get() < 10_000_000 ? issued.getAndIncrement() : -1);
    }

    private Result measure(String name, int concurrency, int expected, IntFunction<HttpRequest> next,
                           java.util.function.IntSupplier ticket) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> workers = new ArrayList<>();
        long serverCpu = cpuMillis("poolkeeper.jar");
        long databaseCpu = cpuMillis("mariadbd");
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                for (int i = ticket.getAsInt(); i >= 0; i = ticket.getAsInt()) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = HTTP.send(next.apply(i), HttpResponse.BodyHandlers.ofString());
                    long d = System.nanoTime() - s;
                    if (r.statusCode() != expected && errors.incrementAndGet() <= 3) {
                        System.err.println(name + ": " + r.statusCode() + " " + r.headers().map() + " "
                                + r.body().substring(0, Math.min(500, r.body().length())));
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = d;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> w : workers) {
            all.add(w.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
        Result r = new Result(name, concurrency, merged, errors.get(), elapsed,
                cpuMillis("poolkeeper.jar") - serverCpu, cpuMillis("mariadbd") - databaseCpu);
        System.out.println(r.row());
        return r;
    }
}
