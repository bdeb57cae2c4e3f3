package dev.poolkeeper.adapters.providers.vonage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Vonage Number Pools API v2 (spec 2.0.4) as a WireMock response transformer that keeps state: pools
 * and their numbers, HTTP Basic, 50 numbers per bulk call, 207 for partly refused adds, HAL paging.
 * Tests change its state directly to play "someone changed it at Vonage".
 */
public final class VonagePoolsSimulator implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "vonage-pools";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile(
            "/v2/numberpools/accounts/([^/]+)/pools(?:/([^/]+))?(/numbers)?(/delete|/[0-9]+)?");

    public final Map<String, Map<String, Object>> pools = new ConcurrentHashMap<>();
    public final Map<String, Set<String>> numbers = new ConcurrentHashMap<>();
    /** Numbers this account does not own: adding them is refused item by item (a 207). */
    public final Set<String> notSubscribed = ConcurrentHashMap.newKeySet();
    private final String account;
    private final String authorization;

    public VonagePoolsSimulator(String apiKey, String apiSecret) {
        this.account = apiKey;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret)
                .getBytes(StandardCharsets.UTF_8));
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
        if (!authorization.equals(request.getHeader("Authorization"))) {
            return error(401, "https://developer.vonage.com/api-errors#unauthorized", "Invalid credentials supplied",
                    "You did not provide correct credentials.");
        }
        URI uri = URI.create(request.getUrl());
        Matcher m = PATH.matcher(uri.getPath());
        if (!m.matches() || !account.equals(m.group(1))) {
            return error(404, "https://developer.vonage.com/api-errors#not-found", "Not Found", "no such path");
        }
        String poolId = m.group(2);
        boolean numbersPath = m.group(3) != null;
        String tail = m.group(4);
        String method = request.getMethod().getName();
        try {
            if (poolId == null && method.equals("POST")) {
                return create(JSON.readTree(request.getBodyAsString()));
            }
            if (poolId == null || !pools.containsKey(poolId)) {
                return error(404, "https://developer.vonage.com/api-errors#not-found", "Not Found",
                        "ID '" + poolId + "' does not exist, or you do not have access");
            }
            if (!numbersPath) {
                return switch (method) {
                    case "GET" -> json(200, pool(poolId));
                    case "PATCH" -> {
                        JsonNode patch = JSON.readTree(request.getBodyAsString());
                        patch.fields().forEachRemaining(f -> pools.get(poolId).put(f.getKey(), value(f.getValue())));
                        yield json(201, pool(poolId));
                    }
                    case "DELETE" -> {
                        ObjectNode deleted = pool(poolId);
                        pools.remove(poolId);
                        numbers.remove(poolId);
                        yield json(200, deleted);
                    }
                    default -> error(405, "about:blank", "Method Not Allowed", method);
                };
            }
            if (method.equals("GET")) {
                return list(poolId, uri.getQuery());
            }
            List<String> asked = new ArrayList<>();
            JSON.readTree(request.getBodyAsString()).path("numbers").forEach(n -> asked.add(n.asText()));
            if (asked.size() > 50) {
                return error(400, "https://developer.nexmo.com/api-errors/number-pools#bulk-number-delete-limit",
                        "Bad Request", "Limit of 50 numbers exceeded");
            }
            if ("/delete".equals(tail)) {
                numbers.get(poolId).removeAll(asked);
                return new ResponseDefinitionBuilder().withStatus(204).build();
            }
            return add(poolId, asked);
        } catch (IOException e) {
            return error(400, "https://developer.nexmo.com/api-errors/number-pools#invalid-json",
                    "Unable to parse incoming request", e.getMessage());
        }
    }

    private ResponseDefinition create(JsonNode body) {
        String id = body.path("pool_id").asText();
        for (String required : List.of("pool_id", "fallback", "localized_sender_preferred",
                "predictable_sender_preferred")) {
            if (!body.has(required)) {
                return error(400, "https://developer.nexmo.com/api-errors/number-pools#validation", "Bad Request",
                        required + " is required");
            }
        }
        if (pools.containsKey(id)) {
            return error(409, "https://developer.nexmo.com/api-errors/number-pools#pool-id-exists",
                    "Pool ID already exists", "A pool with the specified ID already exists");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        body.fields().forEachRemaining(f -> settings.put(f.getKey(), value(f.getValue())));
        settings.remove("pool_id");
        pools.put(id, settings);
        numbers.put(id, new LinkedHashSet<>());
        return json(201, pool(id));
    }

    private ResponseDefinition add(String poolId, List<String> asked) {
        List<String> added = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String n : asked) {
            if (notSubscribed.contains(n)) {
                refused.add(n);
            } else {
                numbers.get(poolId).add(n);
                added.add(n);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("numbers", JSON.valueToTree(added));
        body.putObject("_links").putObject("self").put("href", "/v2/numberpools/" + account + "/" + poolId + "/numbers");
        if (refused.isEmpty()) {
            return json(201, body);
        }
        ObjectNode error = body.putObject("error");
        error.put("type", "https://developer.nexmo.com/api-errors/number-pools#add-numbers-partial-failure");
        error.put("title", "Could not add all numbers to pool");
        error.put("detail", "One or more numbers encountered issues being added to the pool");
        ObjectNode item = error.putArray("errors").addObject();
        item.put("type", "https://developer.nexmo.com/api-errors/number-pools#missing-number-subscription");
        item.put("title", "No such number subscription");
        item.put("detail", "One or more numbers being added are not subscribed to on this account");
        item.set("numbers", JSON.valueToTree(refused));
        return json(added.isEmpty() ? 400 : 207, added.isEmpty() ? error : body);
    }

    private ResponseDefinition list(String poolId, String query) {
        Map<String, Integer> q = new LinkedHashMap<>();
        if (query != null) {
            for (String p : query.split("&")) {
                String[] kv = p.split("=", 2);
                q.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        int page = q.getOrDefault("page", 1);
        int size = q.getOrDefault("page_size", 10);
        List<String> all = new ArrayList<>(numbers.get(poolId));
        int totalPages = Math.max(1, (all.size() + size - 1) / size);
        ObjectNode body = JSON.createObjectNode();
        body.put("page_size", size).put("page", page).put("total_pages", totalPages).put("total_items", all.size());
        ArrayNode items = body.putObject("_embedded").putArray("numbers");
        all.subList(Math.min(all.size(), (page - 1) * size), Math.min(all.size(), page * size)).forEach(items::add);
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", "/v2/numberpools/" + account + "/" + poolId + "/numbers?page=" + page);
        if (page < totalPages) {
            links.putObject("next").put("href", "/v2/numberpools/" + account + "/" + poolId + "/numbers?page="
                    + (page + 1));
        }
        return json(200, body);
    }

    private ObjectNode pool(String id) {
        ObjectNode node = JSON.valueToTree(pools.get(id));
        node.put("pool_id", id);
        node.put("account_id", account);
        ObjectNode links = node.putObject("_links");
        links.putObject("self").put("href", "/v2/numberpools/" + account + "/" + id);
        links.putObject("numbers").put("href", "/v2/numberpools/" + account + "/" + id + "/numbers");
        return node;
    }

    private static Object value(JsonNode node) {
        return node.isBoolean() ? node.asBoolean() : node.asText();
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String type, String title, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type).put("title", title).put("detail", detail).put("instance", "797a8f199c45014ab7b08bfe9cc1c12c");
        return json(status, body);
    }
}
