package dev.poolkeeper.adapters.rest.message;

import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.Reply;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.Idempotency;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.adapters.rest.support.ProblemResponses;
import dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.poolkeeper.application.port.in.messaging.GetMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.SendMessageResult;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.shared.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Controller("/v1/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Choosing a sender and sending")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class MessageController {
    private final SendMessageUseCase send;
    private final GetMessageUseCase get;
    private final Idempotency idempotency;
    private final JsonMapper json;

    MessageController(SendMessageUseCase send, GetMessageUseCase get, Idempotency idempotency, JsonMapper json) {
        this.send = send;
        this.get = get;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Serdeable
    @Schema(name = "SendMessageRequest")
    record SendRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String pool_id,
                       @Schema(example = "+12125550100", requiredMode = Schema.RequiredMode.REQUIRED) String to,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Message.MAX_TEXT_LENGTH)
                       String text) {
    }

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "sendMessage",
            summary = "Choose the sender and send; 202 with the stored message (its status says how the send"
            + " went), 422/429 when the recipient cannot be served, and then nothing is stored")
    @RequestBody(content = @Content(schema = @Schema(implementation = SendRequest.class)))
    @ApiResponse(responseCode = "202", description = "the stored message; its status says how the send went",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = MessageResponse.class)),
            headers = {
                    @io.swagger.v3.oas.annotations.headers.Header(name = "Location", description = "the created resource")
            })
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "a conflict with the current state (the code says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    @ApiResponse(responseCode = "422", description = "the request cannot be served as asked (the code says why)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    MutableHttpResponse<?> send(HttpRequest<?> request,
                                @Header(Idempotency.HEADER) @Nullable @Parameter(description = Idempotency.DESCRIPTION)
String idempotencyKey,
                                @Body @Nullable String body) {
        return idempotency.execute(request, body, RunIdempotentlyUseCase.Binding.BOUND_BY_ACTION, () -> {
            JsonBody.Reader reader = JsonBody.parse(json, body);
            reader.allowOnly(Set.of("pool_id", "to", "text"), Set.of());
            String poolId = reader.required("pool_id", reader::string).orElse(null);
            String to = reader.required("to", reader::string).orElse(null);
            String text = reader.required("text", reader::text).orElse(null);
            reader.done(text);
            Message.checkText(text);
            SendMessageResult result = send.sendMessage(new SendMessageCommand(Callers.of(request),
                    PathValues.poolId(poolId), PhoneNumber.parse(to), text, Idempotency.key(request)));
            if (result.refusal().isPresent()) {
                return refusal(result.refusal().get());
            }
            Message message = result.message().orElseThrow();
            return Reply.json(HttpStatus.ACCEPTED, MessageResponse.of(message),
                    Map.of(HttpHeaders.LOCATION, "/v1/messages/" + message.id().value()));
        });
    }

    private static Reply refusal(Decision.Refused r) {
        Problem problem = ProblemResponses.problem(r.code(), r.message(), List.of(), null)
                .withTrace(Problem.TraceItem.of(r.trace()));
        Map<String, String> headers = r.code() == ErrorCode.SELECTION_CAPACITY_EXHAUSTED
                ? Map.of(HttpHeaders.RETRY_AFTER, "1") : Map.of();
        return new Reply(ProblemResponses.status(r.code()), problem, ProblemResponses.PROBLEM_JSON, headers);
    }

    @Get("/{id}")
    @Operation(operationId = "getMessage",
            summary = "One message and its status: queued, sent, delivered, failed, rejected")
    @ApiResponse(responseCode = "200", description = "the message, its attempts and its trace",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = MessageResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<MessageResponse> get(HttpRequest<?> request, @PathVariable("id") String id) {
        if (!MessageId.isWellFormed(id)) {
            throw Message.notFound(id);
        }
        return HttpResponse.ok(MessageResponse.of(get.getMessage(Callers.of(request), new MessageId(id))));
    }
}
