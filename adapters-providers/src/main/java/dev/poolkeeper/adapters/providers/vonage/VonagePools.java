package dev.poolkeeper.adapters.providers.vonage;

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
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vonage Number Pools API v2 (spec 2.0.4): {@code /v2/numberpools/accounts/{api key}/pools…}, HTTP Basic
 * with key and secret, numbers as digits. The pool id is Poolkeeper's, lower-cased (ids are client-chosen
 * at Vonage). A 207 is read item by item; numbers Vonage refused are reported, not retried blindly.
 */
@Singleton
final class VonagePools extends VendorPort implements ProviderPoolPort {
    private static final Logger LOG = LoggerFactory.getLogger(VonagePools.class);
    private static final int PAGE_SIZE = 100;
    private static final Pattern POOL_ID = Pattern.compile("[a-z0-9_]{1,100}");

    private final ProviderHttp http;
    private final VonageAccount account;

    VonagePools(ProviderHttp http, VonageAccount account) {
        super(Provider.VONAGE, VonageDialect.CAPABILITIES, account.configured());
        this.http = http;
        this.account = account;
    }

    static String poolIdOf(PartRef part) {
        return part.providerPoolId().orElse(part.poolId().value().toLowerCase(Locale.ROOT));
    }

    private String pools() {
        return ProviderHttp.join(account.baseUrl, "/v2/numberpools/accounts/" + account.apiKey + "/pools");
    }

    /** One pool's URL; the id is path-encoded (a client-given id was checked by {@link #isPoolId} too). */
    private String pool(String id) {
        return pools() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** Vonage's pool ids are chosen by the client: lower-case letters, digits and '_'. */
    @Override
    public PoolDialect dialect() {
        return VonageDialect.INSTANCE;
    }

    @Override
    public boolean isPoolId(String id) {
        return POOL_ID.matcher(id).matches();
    }

    @Override
    public String poolIdShape() {
        return "1-100 lower-case letters, digits or '_'";
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", account.basicAuthorization())
                .header("Accept", "application/json");
    }

    private HttpRequest.Builder json(String url, String method, Object body) {
        return request(url).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(http.write(body)));
    }

    @Override
    public Optional<ObservedPart> read(PartRef part) {
        String id = poolIdOf(part);
        ProviderHttp.Answer pool = http.call(request(pool(id)).GET());
        if (pool.status() == 404) {
            return Optional.empty();
        }
        expect(pool, "read pool " + id, 200);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String field : List.of("fallback", "localized_sender_preferred", "predictable_sender_preferred")) {
            settings.put(field, pool.object().get(field));
        }
        Set<PhoneNumber> numbers = new HashSet<>();
        for (int page = 1; ; page++) {
            ProviderHttp.Answer answer = http.call(request(pool(id) + "/numbers?page=" + page + "&page_size="
                    + PAGE_SIZE).GET());
            expect(answer, "list numbers of " + id, 200);
            if (answer.object().get("_embedded") instanceof Map<?, ?> embedded
                    && embedded.get("numbers") instanceof List<?> list) {
                list.forEach(n -> numbers.add(PhoneNumber.parse("+" + n)));
            }
            int totalPages = answer.object().get("total_pages") instanceof Number t ? t.intValue() : 1;
            if (page >= totalPages) {
                break;
            }
        }
        return Optional.of(new ObservedPart(id, settings, numbers));
    }

    @Override
    public Applied apply(PartRef part, SyncOperation op) {
        String id = poolIdOf(part);
        switch (op.kind()) {
            case CREATE_POOL -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("pool_id", id);
                body.putAll(op.settings());
                ProviderHttp.Answer answer = http.call(json(pools(), "POST", body));
                if (answer.status() != 409) {
                    expect(answer, "create pool " + id, 201, 200);
                }
                return Applied.created(id);
            }
            case UPDATE_POOL -> {
                expect(http.call(json(pool(id), "PATCH", op.settings())), "update pool " + id, 201, 200);
                return Applied.done();
            }
            case ADD_NUMBERS -> {
                ProviderHttp.Answer answer = http.call(json(pool(id) + "/numbers", "POST",
                        Map.of("numbers", digits(op.numbers()))));
                return itemByItem(answer, "add numbers to " + id, false);
            }
            case REMOVE_NUMBERS -> {
                ProviderHttp.Answer answer = http.call(json(pool(id) + "/numbers/delete", "POST",
                        Map.of("numbers", digits(op.numbers()))));
                return itemByItem(answer, "remove numbers from " + id, true);
            }
            case DELETE_POOL -> {
                ProviderHttp.Answer answer = http.call(request(pool(id)).DELETE());
                if (answer.status() == 404 || answer.status() == 405) {
                    LOG.warn("Vonage does not delete pool {} for this account (HTTP {}): emptying it instead", id,
                            answer.status());
                    return empty(part, id);
                }
                expect(answer, "delete pool " + id, 200, 204);
                return Applied.done();
            }
            default -> throw new IllegalArgumentException("Vonage has no " + op.kind().wireName());
        }
    }

    /** Deleting is not supported for every account: the pool is emptied and kept, and that is reported. */
    private Applied empty(PartRef part, String id) {
        List<PhoneNumber> left = new ArrayList<>(read(part).map(ObservedPart::numbers).orElse(Set.of()));
        for (int i = 0; i < left.size(); i += 50) {
            itemByItem(http.call(json(pool(id) + "/numbers/delete", "POST",
                    Map.of("numbers", digits(left.subList(i, Math.min(left.size(), i + 50)))))), "empty " + id, true);
        }
        return new Applied(Optional.empty(), List.of(), "Vonage does not delete pools for this account: emptied");
    }

    /**
     * A bulk answer: 2xx is every item done; 207 lists the items that failed; a 400 with per-item
     * {@code errors} is every listed item refused. For removals, "not in the pool" is no failure.
     */
    private Applied itemByItem(ProviderHttp.Answer answer, String what, boolean removal) {
        if (answer.status() / 100 == 2 && answer.status() != 207) {
            return Applied.done();
        }
        Object errorObject = answer.status() == 207 ? answer.object().get("error") : answer.object();
        if ((answer.status() == 207 || answer.status() == 400) && errorObject instanceof Map<?, ?> error
                && error.get("errors") instanceof List<?> errors) {
            List<PhoneNumber> refused = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (Object item : errors) {
                Map<?, ?> e = item instanceof Map<?, ?> m && m.get("error") instanceof Map<?, ?> inner ? inner
                        : (Map<?, ?>) item;
                String type = String.valueOf(e.get("type"));
                if (removal && type.endsWith("#missing-number")) {
                    continue;
                }
                if (e.get("numbers") instanceof List<?> numbers) {
                    numbers.forEach(n -> refused.add(PhoneNumber.parse("+" + n)));
                }
                reasons.add(e.get("title") + (e.get("detail") == null ? "" : " (" + e.get("detail") + ")"));
            }
            return new Applied(Optional.empty(), refused, String.join("; ", reasons));
        }
        throw refusal(answer, what);
    }

    /** One read that changes nothing: the first page of the account's pools. */
    ConnectionCheck check() {
        try {
            ProviderHttp.Answer answer = http.call(request(pools() + "?page=1&page_size=1").GET());
            if (answer.status() == 200) {
                Object total = answer.object().get("total_items");
                return new ConnectionCheck(true, "Vonage accepted the credentials" + (total == null ? ""
                        : "; the account has " + total + " number pools"));
            }
            return new ConnectionCheck(false, refusal(answer, "list pools").getMessage());
        } catch (ProviderSyncException e) {
            return new ConnectionCheck(false, e.getMessage());
        }
    }

    private static void expect(ProviderHttp.Answer answer, String what, int... statuses) {
        for (int s : statuses) {
            if (answer.status() == s) {
                return;
            }
        }
        throw refusal(answer, what);
    }

    private static ProviderSyncException refusal(ProviderHttp.Answer answer, String what) {
        String title = answer.string("title");
        String detail = answer.string("detail");
        ProviderFailure failure = ProviderFailure.ofStatus(answer.status());
        String code = failure == ProviderFailure.UNAUTHORIZED ? "provider.unauthorized" : "vonage.http_" + answer.status();
        return new ProviderSyncException(failure, code, what + ": HTTP " + answer.status()
                + (title == null ? "" : ", " + title) + (detail == null ? "" : " (" + detail + ")"), Optional.empty());
    }

    private static List<String> digits(List<PhoneNumber> numbers) {
        return numbers.stream().map(n -> n.e164().substring(1)).toList();
    }
}
