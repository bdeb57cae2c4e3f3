package dev.poolkeeper.adapters.rest.operations;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The title and security schemes of the generated OpenAPI document; each API controller names its security. */
@OpenAPIDefinition(
        info = @Info(title = "Poolkeeper", version = "1",
                description = "SMS sender number pools across providers. Errors are application/problem+json "
                        + "with a stable code; lists page with page_size and page_token. Every /v1 operation but"
                        + " the provider webhooks takes an API key, as X-API-Key or Authorization: Bearer."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = "X-API-Key")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class OpenApiDefinition {
    private OpenApiDefinition() {
    }
}
