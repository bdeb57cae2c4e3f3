package dev.poolkeeper.adapters.rest.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.application.port.in.account.AccountCreated;
import dev.poolkeeper.application.port.in.account.CreateAccountCommand;
import dev.poolkeeper.application.port.in.account.CreateAccountUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;

@Controller("/v1/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts and keys")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class AccountController {
    private final CreateAccountUseCase createAccount;
    private final JsonMapper json;

    AccountController(CreateAccountUseCase createAccount, JsonMapper json) {
        this.createAccount = createAccount;
        this.json = json;
    }

    @Serdeable
    @Schema(name = "CreateAccount")
    record CreateAccountRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "AccountCreated", description = "api_key is shown this once")
    record AccountCreatedResponse(String id, String name, String api_key) {
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "createAccount", summary = "Admin key only: create an account and its first API key")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateAccountRequest.class)))
    @ApiResponse(responseCode = "201", description = "the account and its first key, shown this once",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AccountCreatedResponse.class)))
    @ApiResponse(responseCode = "403", description = "the key may not do this",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    HttpResponse<AccountCreatedResponse> create(@Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("name"), Set.of());
        String name = reader.required("name", n -> reader.value(n, CreateAccountCommand::new))
                .map(CreateAccountCommand::name).orElse(null);
        reader.done(name);
        AccountCreated created = createAccount.createAccount(new CreateAccountCommand(name));
        return HttpResponse.created(new AccountCreatedResponse(created.account().id().value(),
                created.account().name(), created.secret().plaintext()));
    }
}
