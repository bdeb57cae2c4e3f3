package dev.poolkeeper.adapters.rest.operations;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The title and security of the generated OpenAPI document. */
@OpenAPIDefinition(
        info = @Info(title = "Poolkeeper", version = "1",
                description = "SMS sender number pools across providers. Errors are application/problem+json "
                        + "with a stable code; lists page with page_size and page_token."),
        security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
