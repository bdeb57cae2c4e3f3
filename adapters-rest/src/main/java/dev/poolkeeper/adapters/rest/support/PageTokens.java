package dev.poolkeeper.adapters.rest.support;

import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/** {@code page_size} and the opaque {@code page_token} (a keyset position, base64url-encoded). */
public final class PageTokens {
    private static final String VERSION = "v1:";

    private PageTokens() {
    }

    public static PageRequest request(Integer pageSize, String pageToken) {
        int size = pageSize == null ? PageRequest.DEFAULT_SIZE : pageSize;
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw DomainException.invalidField("page_size", "must be 1-" + PageRequest.MAX_SIZE);
        }
        if (pageToken == null || pageToken.isEmpty()) {
            return PageRequest.first(size);
        }
        return PageRequest.after(size, decode(pageToken));
    }

    public static String encode(OptionalLong next) {
        return next.isPresent() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + next.getAsLong()).getBytes(StandardCharsets.UTF_8)) : null;
    }

    private static long decode(String token) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!s.startsWith(VERSION)) {
                throw new IllegalArgumentException();
            }
            long position = Long.parseLong(s.substring(VERSION.length()));
            if (position < 0) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("page_token", "is not a token this API issued");
        }
    }
}
