package dev.poolkeeper.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks requests a provider stub received against the project's description of each provider call
 * (test resources {@code provider-contracts/}, distilled from the providers' published definitions): the path and method exist, path and query parameters and the JSON body
 * match their schemas (required fields, types, enums, patterns, lengths, array sizes; local {@code $ref}s
 * and {@code allOf} followed). Enough of JSON Schema for these two specs, not all of it.
 */
final class SpecValidator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> spec;
    private final String basePath;
    private SpecValidator(Map<String, Object> spec, String basePath) {
        this.spec = spec;
        this.basePath = basePath;
    }

    static SpecValidator vonageNumberPools() {
        return new SpecValidator(load("vonage-number-pools.yml"), "");
    }

    /** AWS JSON 1.0: operations named by {@code X-Amz-Target}, each with the schema of its input. */
    static SpecValidator pinpoint() {
        return new SpecValidator(load("pinpoint-sms-voice-v2.yml"), "");
    }

    static SpecValidator vonageSms() {
        return new SpecValidator(load("vonage-sms.yml"), "");
    }

    static SpecValidator telnyx() {
        return new SpecValidator(load("telnyx.yml"), "/v2");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) {
        String resource = "/provider-contracts/" + file;
        try (InputStream in = SpecValidator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every violation of every request, each named by its method and URL; empty when all conform. */
    List<String> violations(Collection<LoggedRequest> requests) {
        List<String> all = new ArrayList<>();
        for (LoggedRequest r : requests) {
            List<String> found = spec.containsKey("operations") ? awsViolations(r.getHeader("X-Amz-Target"),
                    r.getBodyAsString()) : violations(r.getMethod().getName(), r.getUrl(), r.getBodyAsString());
            for (String v : found) {
                all.add(r.getMethod().getName() + " " + r.getUrl() + ": " + v);
            }
        }
        return all;
    }

    /** An AWS JSON request: the operation exists and the body conforms to its input. */
    @SuppressWarnings("unchecked")
    List<String> awsViolations(String target, String body) {
        if (target == null || !target.startsWith("PinpointSMSVoiceV2.")) {
            return List.of("X-Amz-Target is " + target);
        }
        String operation = target.substring(target.indexOf('.') + 1);
        Map<String, Object> known = (Map<String, Object>) ((Map<String, Object>) spec.get("operations")).get(operation);
        if (known == null) {
            return List.of("no operation " + operation + " is described");
        }
        List<String> out = new ArrayList<>();
        try {
            check(JSON.readTree(body == null || body.isBlank() ? "{}" : body), (Map<String, Object>) known.get("input"),
                    operation, out);
        } catch (IOException e) {
            out.add("the body is not JSON");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<String> violations(String method, String url, String body) {
        List<String> out = new ArrayList<>();
        URI uri = URI.create(url);
        String path = uri.getRawPath();
        if (!path.startsWith(basePath)) {
            return List.of("not under " + basePath);
        }
        path = path.substring(basePath.length());
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        for (Map.Entry<String, Object> entry : paths.entrySet()) {
            List<String> names = new ArrayList<>();
            Pattern template = Pattern.compile(Pattern.quote(entry.getKey()).replaceAll("\\{([^}]+)}",
                    "\\\\E([^/]+)\\\\Q"));
            java.util.regex.Matcher m = template.matcher(path);
            if (!m.matches()) {
                continue;
            }
            java.util.regex.Matcher n = Pattern.compile("\\{([^}]+)}").matcher(entry.getKey());
            while (n.find()) {
                names.add(n.group(1));
            }
            Map<String, Object> item = (Map<String, Object>) entry.getValue();
            Map<String, Object> operation = (Map<String, Object>) item.get(method.toLowerCase());
            if (operation == null) {
                return List.of("the spec has no " + method + " " + entry.getKey());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            List<Object> parameters = new ArrayList<>();
            parameters.addAll((List<Object>) item.getOrDefault("parameters", List.of()));
            parameters.addAll((List<Object>) operation.getOrDefault("parameters", List.of()));
            for (Object p : parameters) {
                Map<String, Object> param = (Map<String, Object>) resolve(p);
                String name = (String) param.get("name");
                String value = values.get(name);
                if (value == null) {
                    if (Boolean.TRUE.equals(param.get("required"))) {
                        out.add("parameter " + name + " is required");
                    }
                    continue;
                }
                Map<String, Object> schema = (Map<String, Object>) resolve(param.get("schema"));
                if (schema != null) {
                    JsonNode node = isType(schema, "integer") || isType(schema, "number")
                            ? parseNumber(value) : JSON.getNodeFactory().textNode(value);
                    check(node, schema, name, out);
                }
            }
            Map<String, Object> requestBody = (Map<String, Object>) resolve(operation.get("requestBody"));
            if (requestBody != null) {
                if (body == null || body.isBlank()) {
                    if (Boolean.TRUE.equals(requestBody.get("required"))) {
                        out.add("a body is required");
                    }
                } else {
                    try {
                        JsonNode parsed = Boolean.TRUE.equals(requestBody.get("form")) ? form(body) : JSON.readTree(body);
                        check(parsed, (Map<String, Object>) requestBody.get("schema"), "body", out);
                    } catch (IOException e) {
                        out.add("the body is not JSON");
                    }
                }
            }
            return out;
        }
        return List.of("the spec has no path " + path);
    }

    /** A form-encoded body as an object of its fields (strings). */
    private static JsonNode form(String body) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = JSON.createObjectNode();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static JsonNode parseNumber(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }

    @SuppressWarnings("unchecked")
    private Object resolve(Object node) {
        while (node instanceof Map<?, ?> map && map.get("$ref") instanceof String ref && ref.startsWith("#/")) {
            Object target = spec;
            for (String part : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }

    private static boolean isType(Map<String, Object> schema, String type) {
        Object t = schema.get("type");
        return type.equals(t) || (t instanceof List<?> list && list.contains(type));
    }

    @SuppressWarnings("unchecked")
    private void check(JsonNode value, Map<String, Object> schema, String where, List<String> out) {
        if (schema == null) {
            return;
        }
        schema = (Map<String, Object>) resolve(schema);
        if (schema.get("allOf") instanceof List<?> all) {
            for (Object part : all) {
                check(value, (Map<String, Object>) resolve(part), where, out);
            }
        }
        if (value.isNull()) {
            if (!(isType(schema, "null") || Boolean.TRUE.equals(schema.get("nullable")) || schema.get("type") == null)) {
                out.add(where + " must not be null");
            }
            return;
        }
        Object type = schema.get("type");
        if (type != null) {
            boolean ok = (isType(schema, "object") && value.isObject())
                    || (isType(schema, "array") && value.isArray())
                    || (isType(schema, "string") && value.isTextual())
                    || (isType(schema, "boolean") && value.isBoolean())
                    || (isType(schema, "integer") && value.isIntegralNumber())
                    || (isType(schema, "number") && value.isNumber());
            if (!ok) {
                out.add(where + " must be " + type + ", is " + value.getNodeType());
                return;
            }
        }
        if (schema.get("enum") instanceof List<?> values && !values.contains(value.isTextual() ? value.asText()
                : value.isBoolean() ? value.asBoolean() : value.isNumber() ? value.numberValue() : value.toString())) {
            out.add(where + " must be one of " + values + ", is " + value);
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.get("pattern") instanceof String p && !Pattern.compile(p).matcher(text).find()) {
                out.add(where + " must match " + p + ", is " + text);
            }
            if (schema.get("minLength") instanceof Integer min && text.length() < min) {
                out.add(where + " is shorter than " + min);
            }
            if (schema.get("maxLength") instanceof Integer max && text.length() > max) {
                out.add(where + " is longer than " + max);
            }
        }
        if (value.isNumber() && schema.get("minimum") instanceof Number min && value.asDouble() < min.doubleValue()) {
            out.add(where + " is below " + min);
        }
        if (value.isArray()) {
            if (schema.get("maxItems") instanceof Integer max && value.size() > max) {
                out.add(where + " has more than " + max + " items");
            }
            if (schema.get("minItems") instanceof Integer min && value.size() < min) {
                out.add(where + " has fewer than " + min + " items");
            }
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), (Map<String, Object>) schema.get("items"), where + "[" + i + "]", out);
            }
        }
        if (value.isObject()) {
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!value.has((String) required)) {
                    out.add(where + "." + required + " is required");
                }
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            value.fields().forEachRemaining(f -> {
                if (properties.containsKey(f.getKey())) {
                    Map<String, Object> property = (Map<String, Object>) resolve(properties.get(f.getKey()));
                    check(f.getValue(), property, where + "." + f.getKey(), out);
                }
            });
        }
    }
}
