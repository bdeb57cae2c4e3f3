package dev.poolkeeper.application.paging;

import java.util.OptionalLong;

/**
 * A keyset page request: at most {@code size} items after {@code after}, the position of the last
 * item of the previous page (empty for the first page). Positions are creation order, so a page
 * costs the same at the millionth item as at the first and an unchanged item is never repeated or skipped.
 */
public record PageRequest(int size, OptionalLong after) {
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be 1-" + MAX_SIZE);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, OptionalLong.empty());
    }

    public static PageRequest after(int size, long position) {
        return new PageRequest(size, OptionalLong.of(position));
    }
}
