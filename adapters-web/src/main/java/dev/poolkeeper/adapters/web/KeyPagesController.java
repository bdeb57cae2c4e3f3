package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.KeyRow;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.CreateApiKeyUseCase;
import dev.poolkeeper.application.port.in.account.IssuedApiKey;
import dev.poolkeeper.application.port.in.account.ListApiKeysUseCase;
import dev.poolkeeper.application.port.in.account.RevokeApiKeyUseCase;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeyId;
import dev.poolkeeper.domain.shared.DomainException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The account's API keys: listed by prefix, a new one shown once, revoked (with the sessions they started). */
@Controller(ConsolePaths.ROOT + "/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class KeyPagesController {
    private final ListApiKeysUseCase list;
    private final CreateApiKeyUseCase create;
    private final RevokeApiKeyUseCase revoke;

    KeyPagesController(ListApiKeysUseCase list, CreateApiKeyUseCase create, RevokeApiKeyUseCase revoke) {
        this.list = list;
        this.create = create;
        this.revoke = revoke;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String after) {
        Map<String, Object> model = keys(request, after, "", "");
        model.put("csrf", ConsoleRequests.session(request).csrfToken());
        return new ModelAndView<>("keys", model);
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    ModelAndView<Map<String, Object>> create(HttpRequest<?> request) {
        IssuedApiKey issued = create.createApiKey(ConsoleRequests.caller(request));
        return new ModelAndView<>("fragments/keys", keys(request, null, issued.secret().plaintext(), ""));
    }

    @Post("/{id}/revoke")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
    HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String id) {
        Caller caller = ConsoleRequests.caller(request);
        String message;
        try {
            revoke.revokeApiKey(caller, new ApiKeyId(id));
            if (caller.keyId().value().equals(id)) {
                // this session's own key: the session ended with it
                return HttpResponse.noContent().header("HX-Redirect", ConsolePaths.SIGN_IN);
            }
            message = "Revoked " + id + ": it is refused from now on, and its console sessions are ended.";
        } catch (IllegalArgumentException | DomainException e) {
            message = "Nothing was revoked: no such active key in this account.";
        }
        return HttpResponse.ok(new ModelAndView<>("fragments/keys", keys(request, null, "", message)));
    }

    private Map<String, Object> keys(HttpRequest<?> request, @Nullable String after, String issued, String message) {
        Caller caller = ConsoleRequests.caller(request);
        Page<ApiKey> page = list.listApiKeys(caller, Pages.of(after));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("rows", page.items().stream().map(k -> new KeyRow(k.id().value(), k.prefix(), k.createdAt(),
                k.lastUsed().orElse(null), k.id().equals(caller.keyId()))).toList());
        model.put("issued", issued);
        model.put("message", message);
        model.put("next", Pages.next(page));
        return model;
    }
}
