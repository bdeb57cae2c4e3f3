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
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.poolkeeper.application.port.in.messaging.GetMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.SendMessageCommand;
import dev.poolkeeper.application.port.in.messaging.SendMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.SendMessageResult;
import dev.poolkeeper.domain.message.Message;
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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.poolkeeper.adapters.rest.support.PageResponse;
import dev.poolkeeper.adapters.rest.support.PageTokens;
import dev.poolkeeper.adapters.rest.support.QueryFilters;
import dev.poolkeeper.application.port.in.messaging.CancelMessageUseCase;
import dev.poolkeeper.application.port.in.messaging.ListMessagesUseCase;
import dev.poolkeeper.application.port.in.messaging.SendOptions;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.DomainException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
    private final ListMessagesUseCase list;
    private final CancelMessageUseCase cancel;
    private final Idempotency idempotency;
    private final JsonMapper json;

    MessageController(SendMessageUseCase send, GetMessageUseCase get, ListMessagesUseCase list,
                      CancelMessageUseCase cancel, Idempotency idempotency, JsonMapper json) {
        this.send = send;
        this.get = get;
        this.list = list;
        this.cancel = cancel;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Serdeable
    @Schema(name = "SendMessageRequest")
    record SendRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String pool_id,
                       @Schema(example = "+12125550100", requiredMode = Schema.RequiredMode.REQUIRED) String to,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = Message.MAX_TEXT_LENGTH)
                       String text,
                       @Nullable @Schema(description = "high (one-time codes) overtakes normal traffic of the pool",
                               defaultValue = "normal", implementation = PriorityName.class) String priority,
                       @Nullable @Schema(description = "send no earlier than this (RFC 3339, at most 30 days ahead);"
                               + " the message is scheduled until then") Instant send_at,
                       @Nullable @Schema(description = "seconds the message may wait to be sent, from send_at or"
                               + " from now; after it the message is expired", minimum = "60", maximum = "259200",
                               defaultValue = "14400") Integer validity_period,
                       @Nullable @Schema(description = "the client's own reference, echoed in the message's events"
                               + " and usable as a filter", maxLength = Submission.MAX_REFERENCE_LENGTH)
                       String client_reference,
                       @Nullable @Schema(description = "a URL that receives this message's events, in addition to the"
                               + " account's event endpoints; on the origin of one of the account's enabled event"
                               + " endpoints, whose secret signs it", maxLength = Submission.MAX_CALLBACK_LENGTH)
                       String status_callback) {
    }

    @Serdeable
    @Schema(name = "SendMessageBatchItem", allOf = SendRequest.class,
            description = "a message as POST /v1/messages takes it, with its own idempotency key if wanted")
    record BatchItem(@Nullable @Schema(description = "binds this item to its message: a later batch (or POST"
            + " /v1/messages with this Idempotency-Key) carrying the same key and the same message is answered with the"
            + " message stored the first time; the same key with another message is refused", minLength = 1,
            maxLength = IdempotentRequest.MAX_KEY_LENGTH) String idempotency_key) {
    }

    @Serdeable
    @Schema(name = "SendMessageBatchRequest")
    record BatchRequest(@ArraySchema(minItems = 1, maxItems = MAX_BATCH,
                                     schema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
                        List<BatchItem> messages) {
    }

    /** The largest batch. */
    static final int MAX_BATCH = 1000;

    private static final Set<String> FIELDS = Set.of("pool_id", "to", "text", "priority", "send_at",
            "validity_period", "client_reference", "status_callback");
    /** A batch item's fields: a message's, and the key that binds the item to its message across retries. */
    private static final Set<String> ITEM_FIELDS = java.util.stream.Stream.concat(FIELDS.stream(),
            java.util.stream.Stream.of("idempotency_key")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Post
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "sendMessage",
            summary = "Accept a message: its sender is chosen and it is queued (or scheduled); 202 at once,"
            + " without waiting for a provider. 422 when the recipient cannot be served, 429 queue.full when the"
            + " pool's queue is full; then nothing is stored")
    @RequestBody(content = @Content(schema = @Schema(implementation = SendRequest.class)))
    @ApiResponse(responseCode = "202", description = "the stored message, queued or scheduled",
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
            reader.allowOnly(FIELDS, Set.of());
            SendMessageResult result = send.sendMessage(command(request, reader, Idempotency.key(request)));
            if (result.refusal().isPresent()) {
                return refusal(result.refusal().get());
            }
            Message message = result.message().orElseThrow();
            return Reply.json(HttpStatus.ACCEPTED, MessageResponse.of(message),
                    Map.of(HttpHeaders.LOCATION, "/v1/messages/" + message.id().value()));
        });
    }


    /** A batch item: its own {@code idempotency_key}, if it has one, binds it to its message. */
    private static SendMessageCommand item(HttpRequest<?> request, JsonBody.Reader reader) {
        reader.allowOnly(ITEM_FIELDS, Set.of());
        java.util.Optional<String> key = reader.string("idempotency_key");
        if (key.isPresent() && !IdempotentRequest.isWellFormedKey(key.get())) {
            throw DomainException.invalidField("idempotency_key", "must be 1-" + IdempotentRequest.MAX_KEY_LENGTH
                    + " characters");
        }
        return command(request, reader, key);
    }

    /** The message a reader holds, its fields already checked against those allowed. */
    private static SendMessageCommand command(HttpRequest<?> request, JsonBody.Reader reader,
                                              java.util.Optional<String> idempotencyKey) {
        String poolId = reader.required("pool_id", reader::string).orElse(null);
        String to = reader.required("to", reader::string).orElse(null);
        String text = reader.required("text", reader::text).orElse(null);
        Priority priority = reader.enumValue("priority", Priority.class).orElse(Priority.NORMAL);
        java.util.Optional<Instant> sendAt = reader.value("send_at", MessageController::instant);
        java.util.Optional<Duration> validity = reader.integer("validity_period").map(Duration::ofSeconds);
        java.util.Optional<String> reference = reader.string("client_reference");
        java.util.Optional<String> callback = reader.string("status_callback");
        reader.done(text);
        Message.checkText(text);
        return new SendMessageCommand(Callers.of(request), PathValues.poolId(poolId), PhoneNumber.parse(to), text,
                idempotencyKey, new SendOptions(priority, sendAt, validity, reference, callback));
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an RFC 3339 timestamp such as 2026-12-03T10:15:00Z");
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "SendMessageBatchResult")
    record BatchResult(int index, int status,
                       @Nullable @Schema(description = "the stored message, when accepted") MessageResponse message,
                       @Nullable @Schema(description = "why the item was not accepted") Problem problem) {
    }

    @Serdeable
    @Schema(name = "SendMessageBatchResponse")
    record BatchResponse(List<BatchResult> results) {
    }

    @Post("/batch")
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "sendMessageBatch",
            summary = "Accept up to 1,000 messages, each on its own: 202 when every one was accepted, 207 with a"
            + " result per item (its status, and the message or the problem) otherwise")
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchRequest.class)))
    @ApiResponse(responseCode = "202", description = "every message was accepted",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = BatchResponse.class)))
    @ApiResponse(responseCode = "207", description = "some or all items were not accepted; results say why",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = BatchResponse.class)))
    @BodyProblems
    MutableHttpResponse<?> sendBatch(HttpRequest<?> request,
                                     @Header(Idempotency.HEADER) @Nullable @Parameter(description = Idempotency.DESCRIPTION)
String idempotencyKey,
                                     @Body @Nullable String body) {
        return idempotency.execute(request, body, RunIdempotentlyUseCase.Binding.BOUND_BY_ACTION, () -> {
            List<String> items = items(body);
            List<BatchResult> results = new ArrayList<>(items.size());
            List<SendMessageCommand> commands = new ArrayList<>();
            List<Integer> commandIndexes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                try {
                    commands.add(item(request, JsonBody.parse(json, items.get(i))));
                    commandIndexes.add(i);
                    results.add(null);
                } catch (DomainException e) {
                    results.add(failed(i, e));
                }
            }
            List<SendMessageUseCase.BatchItem> outcomes = send.sendBatch(commands);
            for (int k = 0; k < outcomes.size(); k++) {
                int i = commandIndexes.get(k);
                SendMessageUseCase.BatchItem outcome = outcomes.get(k);
                if (outcome.error().isPresent()) {
                    results.set(i, failed(i, outcome.error().get()));
                } else if (outcome.result().orElseThrow().refusal().isPresent()) {
                    Decision.Refused r = outcome.result().get().refusal().get();
                    results.set(i, new BatchResult(i, ProblemResponses.status(r.code()).getCode(), null,
                            ProblemResponses.problem(r.code(), r.message(), List.of(), null)));
                } else {
                    results.set(i, new BatchResult(i, HttpStatus.ACCEPTED.getCode(),
                            MessageResponse.of(outcome.result().get().message().orElseThrow()), null));
                }
            }
            boolean all = results.stream().allMatch(r -> r.status() == HttpStatus.ACCEPTED.getCode());
            return Reply.json(all ? HttpStatus.ACCEPTED : HttpStatus.MULTI_STATUS, new BatchResponse(results),
                    Map.of());
        });
    }

    private static BatchResult failed(int index, DomainException e) {
        return new BatchResult(index, ProblemResponses.status(e.code()).getCode(), null,
                ProblemResponses.problem(e.code(), e.getMessage(), e.violations(), null));
    }

    /** The batch's items, each as its own JSON text, so each is read and refused on its own. */
    private List<String> items(String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("messages"), Set.of());
        reader.required("messages", reader::objects);
        reader.done(body);
        try {
            JsonNode array = json.readValue(body, JsonNode.class).get("messages");
            if (array.size() > MAX_BATCH) {
                throw new DomainException(ErrorCode.MESSAGES_LIMIT_EXCEEDED, "at most " + MAX_BATCH
                        + " messages in one batch; this one has " + array.size());
            }
            if (array.size() == 0) {
                throw DomainException.invalidField("messages", "must hold at least one message");
            }
            List<String> items = new ArrayList<>(array.size());
            for (JsonNode item : array.values()) {
                items.add(new String(json.writeValueAsBytes(item), java.nio.charset.StandardCharsets.UTF_8));
            }
            return items;
        } catch (java.io.IOException e) {
            throw DomainException.invalidField("body", "is not valid JSON");
        }
    }

    @Get
    @Operation(operationId = "listMessages",
            summary = "The account's messages, newest first, filtered by pool, status, to, from, provider,"
            + " client_reference and creation time (since inclusive, until exclusive, RFC 3339)")
    @ApiResponse(responseCode = "200", description = "a page of messages",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessagePage.class)))
    PageResponse<MessageResponse> list(HttpRequest<?> request, @QueryValue @Nullable String pool_id,
                                       @QueryValue @Nullable String status, @QueryValue @Nullable String to,
                                       @QueryValue @Nullable String from, @QueryValue @Nullable String provider,
                                       @QueryValue @Nullable String since, @QueryValue @Nullable String until,
                                       @QueryValue @Nullable String client_reference,
                                       @QueryValue @Nullable Integer page_size,
                                       @QueryValue @Nullable String page_token) {
        MessageFilter query = new MessageFilter(
                QueryFilters.filter("pool_id", pool_id, v -> java.util.Optional.of(PathValues.poolId(v))),
                QueryFilters.oneOf("status", status, MessageStatus.class),
                QueryFilters.filter("to", to, MessageController::phoneNumber),
                QueryFilters.filter("from", from, v -> v.length() <= 16 ? java.util.Optional.of(v)
                        : java.util.Optional.empty()),
                QueryFilters.oneOf("provider", provider, Provider.class),
                QueryFilters.instant("since", since), QueryFilters.instant("until", until),
                QueryFilters.filter("client_reference", client_reference, v ->
                        v.length() <= Submission.MAX_REFERENCE_LENGTH ? java.util.Optional.of(v)
                                : java.util.Optional.empty()));
        return PageResponse.of(list.list(Callers.of(request), query, PageTokens.request(page_size, page_token)),
                MessageResponse::of);
    }

    private static java.util.Optional<PhoneNumber> phoneNumber(String value) {
        try {
            return java.util.Optional.of(PhoneNumber.parse(value));
        } catch (DomainException e) {
            return java.util.Optional.empty();
        }
    }

    /** A page of messages, as the API answers lists; named for the API document. */
    @Schema(name = "MessagePage")
    record MessagePage(List<MessageResponse> items,
                       @Nullable @Schema(description = "absent on the last page") String next_page_token) {
    }

    @Delete("/{id}")
    @Operation(operationId = "cancelMessage",
            summary = "Cancel a message still queued or scheduled; 409 message.not_cancelable once a provider may"
            + " have it")
    @ApiResponse(responseCode = "200", description = "the canceled message",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = MessageResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the message is no longer waiting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<MessageResponse> cancel(HttpRequest<?> request, @PathVariable("id") String id) {
        return HttpResponse.ok(MessageResponse.of(cancel.cancel(Callers.of(request), PathValues.messageId(id))));
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
            summary = "One message: its status, every status it went through with its time, its attempts and"
            + " the trace of how its sender was chosen")
    @ApiResponse(responseCode = "200", description = "the message, its attempts and its trace",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = MessageResponse.class)))
    @ApiResponse(responseCode = "404", description = "no such resource in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    HttpResponse<MessageResponse> get(HttpRequest<?> request, @PathVariable("id") String id) {
        return HttpResponse.ok(MessageResponse.of(get.getMessage(Callers.of(request), PathValues.messageId(id))));
    }
}
