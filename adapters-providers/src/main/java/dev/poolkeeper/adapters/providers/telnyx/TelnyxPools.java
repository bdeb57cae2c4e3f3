package dev.poolkeeper.adapters.providers.telnyx;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import dev.poolkeeper.domain.sync.SyncOperation;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Telnyx: one messaging profile per pool, created and owned by Poolkeeper and named by the pool's id (so
 * a profile created just before a crash is found again by name), {@code number_pool_settings} always sent
 * whole; numbers are assigned and unassigned with {@code PATCH /v2/phone_numbers/{number}/messaging}.
 * Deleting a pool turns pooling off, releases the numbers (the planner unassigns them first), then
 * deletes the profile.
 */
@Singleton
final class TelnyxPools extends VendorPort implements ProviderPoolPort {
    private static final int PAGE_SIZE = 250;

    private final ProviderHttp http;
    private final TelnyxAccount account;

    TelnyxPools(ProviderHttp http, TelnyxAccount account) {
        super(Provider.TELNYX, TelnyxDialect.CAPABILITIES, account.configured());
        this.http = http;
        this.account = account;
    }

    private HttpRequest.Builder request(String path) {
        return account.request(path);
    }

    private HttpRequest.Builder json(String path, String method, Object body) {
        return request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(http.write(body)));
    }

    private static final java.util.regex.Pattern PROFILE_ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A pool at Telnyx is a messaging profile, named by its UUID. */
    @Override
    public PoolDialect dialect() {
        return TelnyxDialect.INSTANCE;
    }

    @Override
    public boolean isPoolId(String id) {
        return PROFILE_ID.matcher(id).matches();
    }

    @Override
    public String poolIdShape() {
        return "a messaging profile's UUID";
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<ObservedPart> read(PartRef part) {
        Optional<String> id = part.providerPoolId().or(() -> findByName(part.poolId().value()));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ProviderHttp.Answer profile = http.call(request("/v2/messaging_profiles/" + q(id.get())).GET());
        if (profile.status() == 404) {
            return Optional.empty();
        }
        expect(profile, "read messaging profile " + id.get(), 200);
        Map<String, Object> data = data(profile);
        Map<String, Object> settings = new HashMap<>();
        settings.put("number_pool_settings", data.get("number_pool_settings"));
        Set<PhoneNumber> numbers = new HashSet<>();
        for (int page = 1; ; page++) {
            ProviderHttp.Answer answer = http.call(request("/v2/messaging_profiles/" + q(id.get())
                    + "/phone_numbers?" + q("page[number]") + "=" + page + "&" + q("page[size]") + "=" + PAGE_SIZE)
                    .GET());
            expect(answer, "list numbers of messaging profile " + id.get(), 200);
            if (answer.object().get("data") instanceof List<?> list) {
                list.forEach(n -> numbers.add(PhoneNumber.parse(String.valueOf(((Map<?, ?>) n).get("phone_number")))));
            }
            int totalPages = answer.object().get("meta") instanceof Map<?, ?> meta
                    && meta.get("total_pages") instanceof Number t ? t.intValue() : 1;
            if (page >= totalPages) {
                break;
            }
        }
        return Optional.of(new ObservedPart(id.get(), settings, numbers));
    }

    private Optional<String> findByName(String name) {
        ProviderHttp.Answer answer = http.call(request("/v2/messaging_profiles?" + q("filter[name]") + "=" + q(name))
                .GET());
        expect(answer, "find messaging profile " + name, 200);
        if (answer.object().get("data") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> profile = (Map<?, ?>) item;
                if (name.equals(profile.get("name"))) {
                    return Optional.of(String.valueOf(profile.get("id")));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Applied apply(PartRef part, SyncOperation op) {
        switch (op.kind()) {
            case CREATE_POOL -> {
                ProviderHttp.Answer answer = http.call(json("/v2/messaging_profiles", "POST", op.settings()));
                expect(answer, "create messaging profile", 200, 201);
                return Applied.created(String.valueOf(data(answer).get("id")));
            }
            case UPDATE_POOL -> {
                expect(http.call(json("/v2/messaging_profiles/" + q(id(part)), "PATCH", op.settings())),
                        "update messaging profile " + id(part), 200);
                return Applied.done();
            }
            case ADD_NUMBERS, REMOVE_NUMBERS -> {
                String profile = op.kind() == SyncOperation.Kind.ADD_NUMBERS ? id(part) : "";
                for (PhoneNumber number : op.numbers()) {
                    ProviderHttp.Answer answer = http.call(json("/v2/phone_numbers/" + q(number.e164()) + "/messaging",
                            "PATCH", Map.of("messaging_profile_id", profile)));
                    if (answer.status() == 404 || answer.status() == 422) {
                        return new Applied(Optional.empty(), List.of(number), errorText(answer));
                    }
                    expect(answer, "assign " + number.e164(), 200);
                }
                return Applied.done();
            }
            case DELETE_POOL -> {
                Map<String, Object> off = new LinkedHashMap<>();
                off.put("number_pool_settings", null);
                ProviderHttp.Answer disabled = http.call(json("/v2/messaging_profiles/" + q(id(part)), "PATCH", off));
                if (disabled.status() != 404) {
                    expect(disabled, "turn pooling off for " + id(part), 200);
                    ProviderHttp.Answer deleted = http.call(request("/v2/messaging_profiles/" + q(id(part))).DELETE());
                    if (deleted.status() != 404) {
                        expect(deleted, "delete messaging profile " + id(part), 200);
                    }
                }
                return Applied.done();
            }
            default -> throw new IllegalArgumentException("Telnyx has no " + op.kind().wireName());
        }
    }

    private static String id(PartRef part) {
        return part.providerPoolId().orElseThrow(() -> new IllegalStateException("no messaging profile yet"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(ProviderHttp.Answer answer) {
        return answer.object().get("data") instanceof Map<?, ?> data ? (Map<String, Object>) data : Map.of();
    }

    /** One read that changes nothing: the first messaging profile of the account. */
    ConnectionCheck check() {
        try {
            ProviderHttp.Answer answer = http.call(request("/v2/messaging_profiles?page[size]=1").GET());
            if (answer.status() == 200) {
                Object total = answer.object().get("meta") instanceof Map<?, ?> meta ? meta.get("total_results") : null;
                return new ConnectionCheck(true, "Telnyx accepted the key" + (total == null ? ""
                        : "; the account has " + total + " messaging profiles"));
            }
            return new ConnectionCheck(false, "HTTP " + answer.status() + ", " + errorText(answer));
        } catch (ProviderSyncException e) {
            return new ConnectionCheck(false, e.getMessage());
        }
    }

    private static String errorText(ProviderHttp.Answer answer) {
        if (answer.object().get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first) {
            return "Telnyx " + first.get("code") + ": " + first.get("title")
                    + (first.get("detail") == null ? "" : " (" + first.get("detail") + ")");
        }
        return "HTTP " + answer.status();
    }

    private static void expect(ProviderHttp.Answer answer, String what, int... statuses) {
        for (int s : statuses) {
            if (answer.status() == s) {
                return;
            }
        }
        ProviderFailure failure = ProviderFailure.ofStatus(answer.status());
        String code = failure == ProviderFailure.UNAUTHORIZED ? "provider.unauthorized" : "telnyx.http_" + answer.status();
        throw new ProviderSyncException(failure, code, what + ": HTTP " + answer.status() + ", " + errorText(answer),
                Optional.empty());
    }
}
