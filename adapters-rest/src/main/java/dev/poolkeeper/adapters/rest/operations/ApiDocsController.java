package dev.poolkeeper.adapters.rest.operations;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code /openapi.yml}: the OpenAPI document the micronaut-openapi processor generated from these
 * controllers at compile time. {@code /docs}: the Swagger UI generated beside it.
 */
@Controller
@Hidden
final class ApiDocsController {
    static final String DOCUMENT = "META-INF/swagger/poolkeeper.yml";
    private final String document;

    ApiDocsController() {
        try (InputStream in = ApiDocsController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing: the OpenAPI processor did not run");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/openapi.yml")
    @Produces("application/yaml")
    String openApi() {
        return document;
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
