package dev.poolkeeper.application.port.out.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider's callback as it arrived, before anything is trusted: its headers (names without case), its
 * media type and its body, unread.
 */
public record RawWebhook(Map<String, String> headers, Optional<String> contentType, String body) {
    public RawWebhook {
        TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
        headers = java.util.Collections.unmodifiableMap(byName);
        Objects.requireNonNull(contentType, "contentType");
        body = body == null ? "" : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** Whether the body is form-encoded ({@code application/x-www-form-urlencoded}, parameters ignored). */
    public boolean formEncoded() {
        return contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }
}
