package dev.poolkeeper.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NumPool's rentals API ({@code /api/v1}) as a stateful WireMock transformer: {@code X-API-Key}, a wallet
 * balance that each rental is charged against (402 when it does not cover it), rentals with an inbox, and
 * JSON {@code {"error": …}} bodies. Faults on demand: the next rental's answer lost after it was made (the
 * connection reset), and 429 with {@code Retry-After} for the next N requests on a path.
 */
final class NumPoolSimulator implements ResponseDefinitionTransformerV2 {
    static final String NAME = "numpool";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, Integer> DURATIONS = Map.of("oneDay", 1, "threeDay", 3, "sevenDay", 7,
            "fourteenDay", 14, "thirtyDay", 30);
    static final Map<String, String> PRICES = Map.of("oneDay", "1.20", "threeDay", "2.50", "sevenDay", "4.50",
            "fourteenDay", "8.00", "thirtyDay", "15.00");
    static final List<String> SERVICES = List.of("discord", "telegram", "any");

    final Map<String, ObjectNode> rentals = new ConcurrentHashMap<>();
    final Map<String, ArrayNode> inboxes = new ConcurrentHashMap<>();
    volatile BigDecimal balance = new BigDecimal("20.00");
    volatile boolean loseNextRentAnswer;
    /** How many rental lists after the next lost rental answer get 429. */
    volatile int throttleListAfterLostRent;
    /** "METHOD path" → how many more such requests get 429. */
    final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();
    /** The key NumPool accepts; changing it revokes the old one. */
    volatile String key;

    NumPoolSimulator(String key) {
        this.key = key;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (!key.equals(request.getHeader("X-API-Key"))) {
            return error(401, "invalid API key");
        }
        URI uri = URI.create(request.getUrl());
        String path = uri.getRawPath().replaceFirst("^/api/v1", "");
        AtomicInteger throttle = throttled.get(request.getMethod().getName() + " " + path);
        if (throttle != null && throttle.getAndDecrement() > 0) {
            return new ResponseDefinitionBuilder().withStatus(429).withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json").withBody("{\"error\":\"rate limit exceeded\"}")
                    .build();
        }
        String method = request.getMethod().getName();
        try {
            if (path.equals("/balance") && method.equals("GET")) {
                ObjectNode body = JSON.createObjectNode().put("balance", balance).put("currency", "USD");
                return json(200, body);
            }
            if (path.equals("/rentals/services") && method.equals("GET")) {
                ArrayNode services = JSON.createArrayNode();
                SERVICES.forEach(s -> services.addObject().put("service", s).put("name", s.toUpperCase()));
                return json(200, services);
            }
            if (path.equals("/rentals/prices") && method.equals("GET")) {
                String service = uri.getQuery() == null ? null : uri.getQuery().replaceFirst("^service=", "");
                if (service == null || !SERVICES.contains(service)) {
                    return error(400, "unknown service");
                }
                ObjectNode body = JSON.createObjectNode().put("service", service);
                ArrayNode durations = body.putArray("durations");
                DURATIONS.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(d -> durations.addObject()
                        .put("duration", d.getKey()).put("days", d.getValue())
                        .put("price", new BigDecimal(PRICES.get(d.getKey()))));
                return json(200, body);
            }
            if (path.equals("/rentals") && method.equals("POST")) {
                return rent(JSON.readTree(request.getBodyAsString()));
            }
            if (path.equals("/rentals") && method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                rentals.values().forEach(list::add);
                return json(200, list);
            }
            if (path.matches("/rentals/[^/]+/sms") && method.equals("GET")) {
                String id = path.split("/")[2];
                ObjectNode rental = rentals.get(id);
                if (rental == null || Instant.parse(rental.get("ends_at").asText()).isBefore(Instant.now())) {
                    return error(404, "rental not found");
                }
                ObjectNode body = JSON.createObjectNode().put("rental_id", id);
                body.set("messages", inboxes.getOrDefault(id, JSON.createArrayNode()));
                return json(200, body);
            }
            return error(404, "not found");
        } catch (IOException e) {
            return error(400, "invalid JSON");
        }
    }

    private ResponseDefinition rent(JsonNode body) {
        String service = body.path("service").asText(null);
        String duration = body.path("duration").asText(null);
        if (service == null || !SERVICES.contains(service) || !DURATIONS.containsKey(duration)) {
            return error(400, "service and duration are required");
        }
        BigDecimal price = new BigDecimal(PRICES.get(duration));
        if (balance.compareTo(price) < 0) {
            return error(402, "insufficient balance");
        }
        balance = balance.subtract(price);
        String id = "rnt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int days = DURATIONS.get(duration);
        ObjectNode rental = JSON.createObjectNode().put("rental_id", id)
                .put("number", String.format("+1646555%04d", numbers.incrementAndGet()))
                .put("service", service).put("days", days).put("cost", price)
                .put("ends_at", Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("inbox_url", "https://numpool.com/api/v1/rentals/" + id + "/sms");
        rentals.put(id, rental);
        if (loseNextRentAnswer) {
            loseNextRentAnswer = false;
            if (throttleListAfterLostRent > 0) {
                throttled.put("GET /rentals", new AtomicInteger(throttleListAfterLostRent));
                throttleListAfterLostRent = 0;
            }
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return json(200, rental);
    }

    /** An SMS reaching a rented number: it shows in that rental's inbox (no rental: it is lost, as at a carrier). */
    synchronized void deliver(String to, String from, String text) {
        rentals.values().stream().filter(r -> r.get("number").asText().equals(to)).findFirst().ifPresent(rental ->
                inboxes.computeIfAbsent(rental.get("rental_id").asText(), id -> JSON.createArrayNode()).addObject()
                        .put("from", from).put("body", text).putNull("code").put("at", Instant.now().toString()));
    }

    /** Ends a rental now, as time would: its inbox answers 404 from then on. */
    synchronized void expire(String rentalId) {
        rentals.get(rentalId).put("ends_at", Instant.now().minusSeconds(1).toString());
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String message) {
        return json(status, JSON.createObjectNode().put("error", message));
    }
}
