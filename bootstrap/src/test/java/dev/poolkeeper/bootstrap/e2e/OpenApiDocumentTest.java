package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.domain.pool.PoolEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document says what the server does: named operations, real status codes with one shared
 * Problem schema for every error, typed bodies, readable schema names, the API key everywhere but on the
 * provider webhooks, and the whole list of event types. (Every status the end-to-end tests see an operation
 * answer is checked against the document after each test class: {@link Api#assertServedAsDocumented}.)
 */
class OpenApiDocumentTest {
    private final OpenApiDocument doc = OpenApiDocument.SERVED;

    @Test
    void theDocumentIsValidOpenApi() throws Exception {
        String text;
        try (var in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/swagger/poolkeeper.yml")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        io.swagger.v3.parser.core.models.SwaggerParseResult parsed = new io.swagger.v3.parser.OpenAPIV3Parser()
                .readContents(text, null, null);
        assertEquals(List.of(), parsed.getMessages(), "what the OpenAPI 3 parser objects to");
        assertTrue(parsed.getOpenAPI() != null && parsed.getOpenAPI().getPaths().size() >= 20);
    }

    @Test
    void everyOperationIsNamedOnceAndAnswersSuccessAndProblemsAsDocumented() {
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (OpenApiDocument.Operation op : doc.operations) {
            String name = op.method() + " " + op.path();
            if (!op.id().matches("[a-z][A-Za-z]+") || !ids.add(op.id())) {
                wrong.add(name + ": operationId " + op.id());
            }
            if (op.codes().stream().noneMatch(c -> c.startsWith("2"))) {
                wrong.add(name + ": no success status");
            }
            if (op.codes().contains("200") && op.raw().get("responses") instanceof Map<?, ?> r
                    && r.get("200") instanceof Map<?, ?> ok && String.valueOf(ok.get("description")).endsWith("response")) {
                wrong.add(name + ": a generated 200 (the real success status is not declared)");
            }
            for (String code : op.codes()) {
                if (code.startsWith("4") || code.startsWith("5")) {
                    String content = String.valueOf(((Map<?, ?>) ((Map<?, ?>) op.raw().get("responses")).get(code))
                            .get("content"));
                    if (!content.contains("application/problem+json") || !content.contains("#/components/schemas/Problem")) {
                        wrong.add(name + " " + code + ": not the shared Problem schema");
                    }
                }
            }
            boolean webhook = op.path().startsWith("/v1/webhooks/");
            boolean secured = op.raw().get("security") instanceof List<?> s && !s.isEmpty();
            if (webhook == secured) {
                wrong.add(name + (webhook ? ": a webhook must not ask for an API key" : ": the API key is not required"));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(doc.operations.size() >= 35, "operations: " + doc.operations.size());
    }

    @Test
    void bodiesAreTypedAndSchemasAreNamedForReaders() {
        List<String> wrong = new ArrayList<>();
        doc.schemas().forEach((name, schema) -> {
            if (!name.matches("[A-Z][A-Za-z]+")) {
                wrong.add("schema name " + name);
            }
        });
        String text = new org.yaml.snakeyaml.Yaml().dump(doc.root.get("paths"));
        for (String line : text.split("\n")) {
            if (line.trim().equals("type: object")) {
                wrong.add("an untyped body in the paths");
                break;
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePoolEventTypeIsTheWholeEnum() {
        Map<String, Object> event = (Map<String, Object>) doc.schemas().get("PoolEvent");
        Map<String, Object> type = (Map<String, Object>) ((Map<String, Object>) event.get("properties")).get("type");
        assertEquals(Arrays.stream(PoolEventType.values()).map(PoolEventType::wireName).sorted().toList(),
                ((List<String>) type.get("enum")).stream().sorted().toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEventTypesAreTheDomainsAndAnEventsTypeNamesThem() {
        Map<String, Object> schemas = doc.schemas();
        assertEquals(Arrays.stream(dev.poolkeeper.domain.event.EventType.values())
                        .map(dev.poolkeeper.domain.event.EventType::wireName).sorted().toList(),
                ((List<String>) ((Map<String, Object>) schemas.get("EventTypes")).get("enum")).stream()
                        .sorted().toList());
        Map<String, Object> event = (Map<String, Object>) ((Map<String, Object>) schemas.get("Event")).get("properties");
        assertEquals("#/components/schemas/EventTypes", ((Map<String, Object>) event.get("type")).get("$ref"),
                event.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessagesStatusAndPriorityAreTheDomainsEnums() {
        Map<String, Object> schemas = doc.schemas();
        assertEquals(Arrays.stream(dev.poolkeeper.domain.message.MessageStatus.values())
                        .map(dev.poolkeeper.domain.message.MessageStatus::wireName).sorted().toList(),
                ((List<String>) ((Map<String, Object>) schemas.get("MessageStatusName")).get("enum")).stream()
                        .sorted().toList());
        assertEquals(Arrays.stream(dev.poolkeeper.domain.message.Priority.values())
                        .map(dev.poolkeeper.domain.message.Priority::wireName).sorted().toList(),
                ((List<String>) ((Map<String, Object>) schemas.get("PriorityName")).get("enum")).stream()
                        .sorted().toList());
    }

    /**
     * Every schema property named {@code provider} takes its values from one of two components, the API's
     * one place for them: {@code ProviderName} (a connection's: every provider) and {@code SendingProviderName}
     * (elsewhere: those that send), each exactly the domain's {@code Provider} values.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyProviderEnumComesFromOnePlaceAndIsTheDomainsEnum() {
        List<String> all = Arrays.stream(dev.poolkeeper.domain.provider.Provider.values())
                .map(dev.poolkeeper.domain.provider.Provider::wireName).sorted().toList();
        List<String> senders = Arrays.stream(dev.poolkeeper.domain.provider.Provider.values())
                .filter(dev.poolkeeper.domain.provider.Provider::sends)
                .map(dev.poolkeeper.domain.provider.Provider::wireName).sorted().toList();
        Map<String, Object> schemas = doc.schemas();
        assertEquals(all, ((List<String>) ((Map<String, Object>) schemas.get("ProviderName")).get("enum")).stream()
                .sorted().toList());
        assertEquals(senders, ((List<String>) ((Map<String, Object>) schemas.get("SendingProviderName")).get("enum"))
                .stream().sorted().toList());
        int seen = 0;
        for (Map.Entry<String, Object> schema : schemas.entrySet()) {
            Object properties = ((Map<String, Object>) schema.getValue()).get("properties");
            if (properties instanceof Map<?, ?> props && props.get("provider") instanceof Map<?, ?> provider) {
                String expected = schema.getKey().contains("ProviderConnection") ? "#/components/schemas/ProviderName"
                        : "#/components/schemas/SendingProviderName";
                // a nullable one wraps its reference: allOf [ref]
                Object ref = provider.get("allOf") instanceof List<?> wrapped && wrapped.size() == 1
                        && wrapped.get(0) instanceof Map<?, ?> only ? only.get("$ref") : provider.get("$ref");
                assertEquals(expected, ref, schema.getKey() + ".provider: " + provider);
                seen++;
            }
        }
        assertTrue(seen >= 8, "provider properties found: " + seen);
    }
}
