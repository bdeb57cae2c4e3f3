package dev.poolkeeper.bootstrap.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document the server serves at {@code /openapi.yml} (generated at build time into the REST
 * adapter's jar), read as data: its operations by method and path template, and their documented statuses.
 */
final class OpenApiDocument {
    static final OpenApiDocument SERVED = load();

    /** One operation: its method, path template (as a pattern), id and documented response codes. */
    record Operation(String method, String path, Pattern pattern, String id, Map<String, Object> raw,
                     Set<String> codes) {
    }

    final Map<String, Object> root;
    final List<Operation> operations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
        Map<String, Object> paths = (Map<String, Object>) root.get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, op) -> {
            if (!(op instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
                return;
            }
            Map<String, Object> o = (Map<String, Object>) operation;
            Pattern pattern = Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
            operations.add(new Operation(method.toUpperCase(), path, pattern, String.valueOf(o.get("operationId")), o,
                    ((Map<String, Object>) o.get("responses")).keySet()));
        }));
    }

    private static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/swagger/poolkeeper.yml")) {
            if (in == null) {
                throw new IllegalStateException("the generated OpenAPI document is not on the class path");
            }
            return new OpenApiDocument(new Yaml().load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation a request reaches; the most specific template when several match. */
    Optional<Operation> operation(String method, String rawPath) {
        return operations.stream().filter(o -> o.method().equals(method) && o.pattern().matcher(rawPath).matches())
                .min((a, b) -> Integer.compare(variables(a.path()), variables(b.path())));
    }

    private static int variables(String path) {
        return path.split("\\{", -1).length - 1;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> schemas() {
        return (Map<String, Object>) ((Map<String, Object>) root.get("components")).get("schemas");
    }

    static Map<String, String> statusesOf(Operation o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.codes().forEach(c -> out.put(c, o.id()));
        return out;
    }
}
