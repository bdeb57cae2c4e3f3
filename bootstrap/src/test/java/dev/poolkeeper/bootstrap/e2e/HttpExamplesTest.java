package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/http/poolkeeper.http runs top to bottom against the service as a fresh default run has it (the
 * development account with the file's key, the file's admin key, no provider credentials), and every
 * request answers the status its title names. Reads the file as IntelliJ's HTTP client does: {@code @var}
 * definitions, {@code {{var}}} uses, and {@code client.global.set("name", response.body.field)} handlers.
 */
class HttpExamplesTest {
    private static final Pattern VARIABLE = Pattern.compile("^@(\\w+)\\s*=\\s*(.*)$");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) (\\S+)$");
    private static final Pattern EXPECTED = Pattern.compile("→ (\\d{3})\\s*$");
    private static final Pattern HANDLER = Pattern.compile(
            "client\\.global\\.set\\(\"(\\w+)\",\\s*response\\.body\\.(\\w+)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Example(String title, int expected, String method, String target, Map<String, String> headers,
                           String body, Map<String, String> captures) {
    }

    @Test
    void everyRequestAnswersAsItsTitleSays() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "docs", "http", "poolkeeper.http"));
        Map<String, String> vars = new LinkedHashMap<>();
        List<Example> examples = parse(lines, vars);
        assertTrue(examples.size() >= 30, "examples: " + examples.size());
        try (TestServer server = TestServer.start(Map.of("poolkeeper.development-account.enabled", true,
                "poolkeeper.dev-api-key", vars.get("key"), "poolkeeper.admin-api-key", vars.get("admin")))) {
            vars.put("base", server.uri().toString().replaceAll("/$", ""));
            HttpClient http = HttpClient.newHttpClient();
            List<String> wrong = new ArrayList<>();
            for (Example e : examples) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(substitute(e.target(), vars)))
                        .timeout(Duration.ofSeconds(30))
                        .method(e.method(), e.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(substitute(e.body(), vars)));
                e.headers().forEach((name, value) -> request.header(name, substitute(value, vars)));
                HttpRequest built = request.build();
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                if (built.uri().getRawPath().startsWith("/v1/")) {
                    Api.ANSWERED.add(e.method() + " " + built.uri().getRawPath() + " " + response.statusCode());
                }
                if (response.statusCode() != e.expected()) {
                    wrong.add(e.title() + ": " + response.statusCode() + " " + abbreviated(response.body()));
                    continue;
                }
                if (!e.captures().isEmpty()) {
                    JsonNode body = JSON.readTree(response.body());
                    e.captures().forEach((name, field) -> vars.put(name, body.path(field).asText()));
                }
            }
            assertEquals(List.of(), wrong, "requests that did not answer as their title says");
        }
        Api.assertServedAsDocumented();
    }

    private static List<Example> parse(List<String> lines, Map<String, String> vars) {
        List<Example> examples = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher variable = VARIABLE.matcher(line);
            if (variable.matches()) {
                vars.put(variable.group(1), variable.group(2).trim());
                i++;
                continue;
            }
            if (line.startsWith("###")) {
                title.append(line.substring(3).trim()).append(' ');
                i++;
                continue;
            }
            Matcher request = REQUEST_LINE.matcher(line.trim());
            if (!request.matches()) {
                i++;
                continue;
            }
            Matcher expected = EXPECTED.matcher(title.toString().trim());
            if (!expected.find()) {
                throw new AssertionError("the title of " + line + " names no status: " + title);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            i++;
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).startsWith("###")) {
                String[] header = lines.get(i).split(":", 2);
                headers.put(header[0].trim(), header[1].trim());
                i++;
            }
            StringBuilder body = new StringBuilder();
            Map<String, String> captures = new LinkedHashMap<>();
            while (i < lines.size() && !lines.get(i).startsWith("###")) {
                if (lines.get(i).startsWith("> {%")) {
                    Matcher handler = HANDLER.matcher(lines.get(i));
                    while (handler.find()) {
                        captures.put(handler.group(1), handler.group(2));
                    }
                } else {
                    body.append(lines.get(i)).append('\n');
                }
                i++;
            }
            examples.add(new Example(title.toString().trim(), Integer.parseInt(expected.group(1)), request.group(1),
                    request.group(2), headers, body.toString().trim(), captures));
            title.setLength(0);
        }
        return examples;
    }

    private static String substitute(String text, Map<String, String> vars) {
        Matcher m = Pattern.compile("\\{\\{(\\w+)}}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new AssertionError("{{" + m.group(1) + "}} is not defined before it is used");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
