package dev.poolkeeper.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A plain HTTP client of the API, as an application using Poolkeeper would be. */
final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every answer of the whole test run, so the suite can assert that no request got a 5xx. */
    static final ConcurrentLinkedQueue<String> SERVER_ERRORS = new ConcurrentLinkedQueue<>();
    /** Every method, path and status answered to a /v1 request since the last check against the API document. */
    static final java.util.Set<String> ANSWERED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Statuses the transport answers before any operation is reached; no operation documents them. */
    private static final java.util.Set<Integer> TRANSPORT = java.util.Set.of(405, 414, 431);

    /**
     * No request of the class got a 5xx it should not have, and every status an operation answered is in
     * the OpenAPI document for that operation. Called after each test class.
     */
    static void assertServedAsDocumented() {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), List.copyOf(SERVER_ERRORS),
                "requests answered with a server error");
        java.util.List<String> undocumented = new java.util.ArrayList<>();
        for (String answered : ANSWERED) {
            String[] parts = answered.split(" ");
            int status = Integer.parseInt(parts[2]);
            if (TRANSPORT.contains(status)) {
                continue;
            }
            OpenApiDocument.SERVED.operation(parts[0], parts[1]).ifPresent(op -> {
                if (!op.codes().contains(parts[2])) {
                    undocumented.add(op.id() + " " + parts[2] + " (" + parts[0] + " " + parts[1] + ")");
                }
            });
        }
        ANSWERED.clear();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), undocumented.stream().sorted().distinct().toList(),
                "statuses the server answered that /openapi.yml does not document for the operation");
    }

    private final URI base;
    private final String key;

    Api(URI base, String key) {
        this.base = base;
        this.key = key;
    }

    String key() {
        return key;
    }

    record Response(int status, Map<String, List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        String code() {
            return json().path("code").asText();
        }
    }

    /**
     * {@code POST /v1/messages}; for a 202, waits until the dispatchers are done with the message and answers
     * the 202 with the message as it is then.
     */
    Response sendMessage(String body, String... headers) {
        Response accepted = post("/v1/messages", body, headers);
        if (accepted.status() != 202) {
            return accepted;
        }
        return new Response(202, accepted.headers(), awaitMessage(accepted.json().get("id").asText()).toString());
    }

    /**
     * The message once no dispatcher will change it by itself any more: sent or further, or {@code sending} with
     * a lost answer that only a receipt settles. Waits up to 20 s.
     */
    JsonNode awaitMessage(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode message = get("/v1/messages/" + id).json();
            String status = message.path("status").asText();
            boolean busy = status.equals("queued") || (status.equals("sending")
                    && !message.path("needs_reconciliation").asBoolean());
            if (!busy || System.nanoTime() > deadline) {
                return message;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return message;
            }
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response patch(String path, String body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String body, String... headers) {
        return raw(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                body == null ? null : "application/json", headers);
    }

    /** Any bytes with any content type (none when null), as a broken or hostile client would send them. */
    Response raw(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String rawPath = base.resolve(path).getRawPath();
            if (rawPath.startsWith("/v1/")) {
                ANSWERED.add(method + " " + rawPath + " " + response.statusCode());
            }
            if (response.statusCode() >= 500) {
                SERVER_ERRORS.add(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String pool(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    static String numbers(String... items) {
        return "{\"numbers\":[" + String.join(",", items) + "]}";
    }

    static String usLongCode(String number) {
        return "{\"number\":\"" + number + "\",\"provider\":\"telnyx\",\"campaign_id\":\"CABC123\"}";
    }
}
