package dev.poolkeeper.adapters.web;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import io.micronaut.core.annotation.Nullable;

/** The console's keyset paging: 50 a page, {@code after} the last position shown, as the API pages. */
final class Pages {
    static final int SIZE = 50;

    private Pages() {
    }

    static PageRequest of(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return PageRequest.first(SIZE);
        }
        try {
            return PageRequest.after(SIZE, Long.parseLong(after));
        } catch (IllegalArgumentException e) {
            return PageRequest.first(SIZE);
        }
    }

    static String next(Page<?> page) {
        return page.next().isPresent() ? String.valueOf(page.next().getAsLong()) : "";
    }
}
