package dev.poolkeeper.adapters.rest.optout;

import dev.poolkeeper.adapters.rest.support.BodyProblems;
import dev.poolkeeper.adapters.rest.support.Callers;
import dev.poolkeeper.adapters.rest.support.CommonProblems;
import dev.poolkeeper.adapters.rest.support.JsonBody;
import dev.poolkeeper.adapters.rest.support.PathValues;
import dev.poolkeeper.adapters.rest.support.Problem;
import dev.poolkeeper.application.port.in.optout.KeywordRepliesUseCase;
import dev.poolkeeper.domain.optout.KeywordReplies;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A pool's automatic answers to inbound keywords. */
@Controller("/v1/pools/{pool_id}/keywords")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Opt-out lists")
@CommonProblems
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
final class KeywordRepliesController {
    private final KeywordRepliesUseCase replies;
    private final JsonMapper json;

    KeywordRepliesController(KeywordRepliesUseCase replies, JsonMapper json) {
        this.replies = replies;
        this.json = json;
    }

    @Serdeable
    @Schema(name = "KeywordReply")
    record ReplyBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HELP",
                             description = "one word of 1 to 20 letters or digits, compared without case; STOP,"
                                     + " START and HELP also answer their synonyms (UNSUBSCRIBE, UNSTOP, INFO …)")
                     String keyword,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                             example = "Acme alerts: help at acme.example. Reply STOP to opt out.",
                             description = "the answer, sent from the number the keyword came in on (1-1600)")
                     String reply,
                     @Nullable @Schema(example = "es", description = "the language the reply is written in"
                             + " (a BCP 47 tag); shown with the reply and in its trace")
                     String language) {
        static ReplyBody of(KeywordReplies.Reply r) {
            return new ReplyBody(r.keyword(), r.text(), r.language().orElse(null));
        }
    }

    @Serdeable
    @Schema(name = "KeywordReplies")
    record RepliesBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String pool_id,
                       @ArraySchema(schema = @Schema(implementation = ReplyBody.class)) List<ReplyBody> keywords) {
        static RepliesBody of(String poolId, KeywordReplies replies) {
            return new RepliesBody(poolId, replies.replies().stream().map(ReplyBody::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "PutKeywordReplies")
    record PutRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "at most 50; an empty list"
            + " removes every reply") @ArraySchema(schema = @Schema(implementation = ReplyBody.class))
                      List<ReplyBody> keywords) {
    }

    @Put
    @Consumes({"application/json", "text/plain"})
    @Operation(operationId = "putKeywordReplies", summary = "Replace the pool's automatic keyword replies")
    @RequestBody(content = @Content(schema = @Schema(implementation = PutRequest.class)))
    @ApiResponse(responseCode = "200", description = "the pool's replies",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RepliesBody.class)))
    @ApiResponse(responseCode = "404", description = "no such pool in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @BodyProblems
    RepliesBody put(HttpRequest<?> request, @PathVariable("pool_id") String poolId, @Body @Nullable String body) {
        JsonBody.Reader reader = JsonBody.parse(json, body);
        reader.allowOnly(Set.of("keywords"), Set.of("pool_id"));
        List<KeywordReplies.Reply> asked = new ArrayList<>();
        reader.required("keywords", reader::objects).ifPresent(items -> items.forEach(item -> {
            item.allowOnly(Set.of("keyword", "reply", "language"), Set.of());
            Optional<String> keyword = item.required("keyword", item::string);
            Optional<String> reply = item.required("reply", item::text);
            Optional<String> language = item.string("language");
            if (keyword.isPresent() && reply.isPresent()) {
                asked.add(new KeywordReplies.Reply(keyword.get(), reply.get(), language));
            }
        }));
        reader.done(null);
        return RepliesBody.of(poolId, replies.putKeywordReplies(Callers.of(request), PathValues.poolId(poolId), asked));
    }

    @Get
    @Operation(operationId = "getKeywordReplies", summary = "The pool's automatic keyword replies")
    @ApiResponse(responseCode = "200", description = "the pool's replies (an empty list when it has none)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RepliesBody.class)))
    @ApiResponse(responseCode = "404", description = "no such pool in this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    RepliesBody get(HttpRequest<?> request, @PathVariable("pool_id") String poolId) {
        return RepliesBody.of(poolId, replies.getKeywordReplies(Callers.of(request), PathValues.poolId(poolId)));
    }
}
