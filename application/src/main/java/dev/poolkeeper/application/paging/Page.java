package dev.poolkeeper.application.paging;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/** One page of items and, unless it is the last page, the position to continue after. */
public record Page<T>(List<T> items, OptionalLong next) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@code size + 1} rows read in position order: the extra row, if
     * present, only tells that a next page exists.
     */
    public static <T> Page<T> of(List<T> rows, int size, Function<T, Long> position) {
        if (rows.size() <= size) {
            return new Page<>(rows, OptionalLong.empty());
        }
        List<T> items = rows.subList(0, size);
        return new Page<>(items, OptionalLong.of(position.apply(items.get(size - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
