package dev.poolkeeper.adapters.providers.numpool;

import dev.poolkeeper.adapters.providers.http.ProviderHttp;
import dev.poolkeeper.application.port.out.canary.InboxRentalException;
import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.canary.InboxRentalPort;
import dev.poolkeeper.domain.canary.RentalBalance;
import dev.poolkeeper.domain.canary.RentalPrice;
import dev.poolkeeper.domain.canary.RentalService;
import dev.poolkeeper.domain.number.PhoneNumber;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NumPool's rentals API ({@code /api/v1}, {@code X-API-Key}, JSON) for one key. Its failures are non-2xx
 * answers with an {@code error} field: 400 invalid, 401 bad key, 402 insufficient balance, 404 no such
 * rental, 429 over 60 requests a minute, 5xx safe to retry. Rental periods are named, not counted.
 */
final class NumPoolRentals implements InboxRentalPort {
    /** NumPool's names of the rental periods, by length in days. */
    private static final Map<Integer, String> DURATIONS = Map.of(1, "oneDay", 3, "threeDay", 7, "sevenDay",
            14, "fourteenDay", 30, "thirtyDay");
    private static final Argument<Object> ANY = Argument.of(Object.class);

    private final ProviderHttp http;
    private final JsonMapper json;
    private final String baseUrl;
    private final String apiKey;

    NumPoolRentals(ProviderHttp http, JsonMapper json, String baseUrl, String apiKey) {
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    @Override
    public List<RentalService> services() {
        List<RentalService> services = new ArrayList<>();
        for (Map<?, ?> s : objects(get("/rentals/services"), "services")) {
            Object id = s.get("service") != null ? s.get("service") : s.get("id");
            if (id != null) {
                services.add(new RentalService(String.valueOf(id), String.valueOf(s.get("name") == null ? id : s.get("name"))));
            }
        }
        return services;
    }

    @Override
    public List<RentalPrice> prices(String service) {
        Object answer = get("/rentals/prices?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8));
        List<RentalPrice> prices = new ArrayList<>();
        for (Map<?, ?> d : objects(answer, "durations")) {
            Integer days = days(d);
            BigDecimal price = decimal(d.get("price")).orElse(null);
            if (days != null && price != null) {
                prices.add(new RentalPrice(days, price));
            }
        }
        return prices;
    }

    @Override
    public RentalBalance balance() {
        Map<?, ?> answer = object(get("/balance"));
        return new RentalBalance(decimal(answer.get("balance")).orElseThrow(() -> unreadable("balance")),
                String.valueOf(answer.get("currency") == null ? "USD" : answer.get("currency")));
    }

    @Override
    public Rental rent(String service, int days) {
        String duration = DURATIONS.get(days);
        if (duration == null) {
            throw new InboxRentalException(ProviderFailure.INVALID, "NumPool rents for 1, 3, 7, 14 or 30 days",
                    Optional.empty());
        }
        Object answer = call(request("/rentals").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.write(Map.of("service", service,
                        "duration", duration)))));
        return rental(object(answer), Optional.of(service)).orElseThrow(() -> new InboxRentalException(
                ProviderFailure.NO_ANSWER, "NumPool answered the rental in a shape that could not be read; it may have"
                + " rented it", Optional.empty()));
    }

    @Override
    public List<Rental> rentals() {
        List<Rental> rentals = new ArrayList<>();
        for (Map<?, ?> r : objects(get("/rentals"), "rentals")) {
            rental(r, Optional.empty()).ifPresent(rentals::add);
        }
        return rentals;
    }

    @Override
    public List<InboxSms> inbox(String rentalId) {
        Object answer = get("/rentals/" + URLEncoder.encode(rentalId, StandardCharsets.UTF_8) + "/sms");
        List<InboxSms> messages = new ArrayList<>();
        for (Map<?, ?> m : objects(answer, "messages")) {
            Optional<Instant> at = instant(m.get("at"));
            if (m.get("body") != null && at.isPresent()) {
                messages.add(new InboxSms(String.valueOf(m.get("from")), String.valueOf(m.get("body")),
                        Optional.ofNullable(m.get("code")).map(String::valueOf), at.get()));
            }
        }
        return messages;
    }

    /** A check that changes nothing: the balance. */
    String describe() {
        RentalBalance balance = balance();
        return "NumPool accepted the key; the balance is " + balance.amount().toPlainString() + " "
                + balance.currency();
    }

    private Optional<Rental> rental(Map<?, ?> r, Optional<String> askedFor) {
        Object id = r.get("rental_id") != null ? r.get("rental_id") : r.get("id");
        Optional<Instant> endsAt = instant(r.get("ends_at"));
        Integer days = days(r);
        if (id == null || r.get("number") == null || endsAt.isEmpty() || days == null) {
            return Optional.empty();
        }
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(String.valueOf(r.get("number")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<String> service = Optional.ofNullable(r.get("service")).map(String::valueOf).or(() -> askedFor);
        return Optional.of(new Rental(String.valueOf(id), number, days, decimal(r.get("cost")), endsAt.get(), service));
    }

    private static Integer days(Map<?, ?> m) {
        if (m.get("days") instanceof Number n) {
            return n.intValue();
        }
        Object duration = m.get("duration");
        return DURATIONS.entrySet().stream().filter(e -> e.getValue().equals(duration)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static Optional<BigDecimal> decimal(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(new BigDecimal(String.valueOf(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(String.valueOf(value)).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(String.valueOf(value)));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    /** The list in an answer: the answer itself when it is an array, else its {@code field}. */
    private static List<Map<?, ?>> objects(Object answer, String field) {
        Object list = answer instanceof Map<?, ?> m ? m.get(field) != null ? m.get(field) : m.get("data") : answer;
        List<Map<?, ?>> objects = new ArrayList<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    objects.add(map);
                }
            }
        }
        return objects;
    }

    private static Map<?, ?> object(Object answer) {
        if (answer instanceof Map<?, ?> m) {
            return m;
        }
        throw unreadable("an object");
    }

    private static InboxRentalException unreadable(String what) {
        return new InboxRentalException(ProviderFailure.UNAVAILABLE, "NumPool's answer has no " + what, Optional.empty());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ProviderHttp.join(baseUrl, path))).header("X-API-Key", apiKey)
                .header("Accept", "application/json");
    }

    private Object get(String path) {
        return call(request(path).GET());
    }

    /** The answer's JSON, or the failure in the one vocabulary of rental providers. */
    private Object call(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.fetch(request);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new InboxRentalException(ProviderFailure.UNAVAILABLE, "could not connect to NumPool", Optional.empty());
        } catch (IOException e) {
            throw new InboxRentalException(ProviderFailure.NO_ANSWER, "no whole answer from NumPool ("
                    + e.getClass().getSimpleName() + ")", Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InboxRentalException(ProviderFailure.NO_ANSWER, "interrupted while waiting for NumPool",
                    Optional.empty());
        }
        int status = response.statusCode();
        Object body = read(response.body());
        if (status / 100 == 2) {
            return body;
        }
        String error = "NumPool HTTP " + status + (body instanceof Map<?, ?> m && m.get("error") != null
                ? ": " + m.get("error") : "");
        throw new InboxRentalException(ProviderFailure.ofStatus(status), error, ProviderHttp.retryAfter(response));
    }

    private Object read(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            Object value = json.readValue(body, ANY);
            return value == null ? Map.of() : value;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }
}
