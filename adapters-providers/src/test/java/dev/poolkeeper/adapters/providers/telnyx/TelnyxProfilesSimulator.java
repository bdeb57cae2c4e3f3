package dev.poolkeeper.adapters.providers.telnyx;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Telnyx messaging profiles and phone-number messaging settings (API v2) as a stateful WireMock
 * transformer: Bearer key, {@code {"data": …}} envelopes, {@code page[number]}/{@code page[size]} paging
 * with {@code meta}, {@code {"errors": [...]}} bodies. A number the account does not own is 404.
 */
public final class TelnyxProfilesSimulator implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "telnyx-profiles";
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Map<String, ObjectNode> profiles = new ConcurrentHashMap<>();
    /** phone number → messaging profile id ("" when unassigned). */
    public final Map<String, String> assignments = new ConcurrentHashMap<>();
    public final Set<String> notOwned = ConcurrentHashMap.newKeySet();
    private final String key;

    public TelnyxProfilesSimulator(String key) {
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

    public Set<String> numbersOf(String profileId) {
        return assignments.entrySet().stream().filter(e -> e.getValue().equals(profileId)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (!("Bearer " + key).equals(request.getHeader("Authorization"))) {
            return error(401, "10009", "Authentication failed", "The API key is invalid.");
        }
        URI uri = URI.create(request.getUrl());
        String[] parts = uri.getRawPath().split("/");
        String method = request.getMethod().getName();
        Map<String, String> query = query(uri.getRawQuery());
        try {
            if (parts.length >= 3 && parts[2].equals("messaging_profiles")) {
                if (parts.length == 3 && method.equals("POST")) {
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    ObjectNode profile = (ObjectNode) body.deepCopy();
                    String id = UUID.randomUUID().toString();
                    profile.put("id", id).put("record_type", "messaging_profile").put("enabled", true);
                    profiles.put(id, profile);
                    return data(200, profile);
                }
                if (parts.length == 3 && method.equals("GET")) {
                    String name = query.get("filter[name]");
                    ArrayNode list = JSON.createArrayNode();
                    profiles.values().stream().filter(p -> name == null || name.equals(p.path("name").asText()))
                            .forEach(list::add);
                    ObjectNode body = JSON.createObjectNode();
                    body.set("data", list);
                    body.set("meta", meta(1, list.size(), list.size()));
                    return json(200, body);
                }
                String id = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
                ObjectNode profile = profiles.get(id);
                if (profile == null) {
                    return error(404, "10005", "Resource not found", "The requested resource was not found.");
                }
                if (parts.length == 5 && parts[4].equals("phone_numbers")) {
                    int page = Integer.parseInt(query.getOrDefault("page[number]", "1"));
                    int size = Integer.parseInt(query.getOrDefault("page[size]", "20"));
                    List<String> all = numbersOf(id).stream().sorted().toList();
                    ArrayNode list = JSON.createArrayNode();
                    all.subList(Math.min(all.size(), (page - 1) * size), Math.min(all.size(), page * size))
                            .forEach(n -> list.addObject().put("record_type", "messaging_settings")
                                    .put("phone_number", n).put("messaging_profile_id", id).put("type", "longcode"));
                    ObjectNode body = JSON.createObjectNode();
                    body.set("data", list);
                    body.set("meta", meta(page, size, all.size()));
                    return json(200, body);
                }
                return switch (method) {
                    case "GET" -> data(200, profile);
                    case "PATCH" -> {
                        JsonNode patch = JSON.readTree(request.getBodyAsString());
                        patch.fields().forEachRemaining(f -> profile.set(f.getKey(), f.getValue()));
                        yield data(200, profile);
                    }
                    case "DELETE" -> {
                        profiles.remove(id);
                        yield data(200, profile);
                    }
                    default -> error(405, "10015", "Method not allowed", method);
                };
            }
            if (parts.length == 5 && parts[2].equals("phone_numbers") && parts[4].equals("messaging")
                    && method.equals("PATCH")) {
                String number = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
                if (notOwned.contains(number)) {
                    return error(404, "10005", "Resource not found", "The phone number is not on this account.");
                }
                String profile = JSON.readTree(request.getBodyAsString()).path("messaging_profile_id").asText();
                if (!profile.isEmpty() && !profiles.containsKey(profile)) {
                    return error(422, "10015", "Invalid messaging profile", "No such messaging profile.");
                }
                assignments.put(number, profile);
                ObjectNode settings = JSON.createObjectNode().put("record_type", "messaging_settings")
                        .put("phone_number", number).put("messaging_profile_id", profile);
                return data(200, settings);
            }
            return error(404, "10005", "Resource not found", "no such path");
        } catch (IOException e) {
            return error(400, "10002", "Invalid request", e.getMessage());
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private static ObjectNode meta(int page, int size, int total) {
        return JSON.createObjectNode().put("page_number", page).put("page_size", size)
                .put("total_pages", Math.max(1, (total + size - 1) / Math.max(1, size))).put("total_results", total);
    }

    private static ResponseDefinition data(int status, JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        return json(status, body);
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition error(int status, String code, String title, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("errors").addObject().put("code", code).put("title", title).put("detail", detail);
        return json(status, body);
    }
}
