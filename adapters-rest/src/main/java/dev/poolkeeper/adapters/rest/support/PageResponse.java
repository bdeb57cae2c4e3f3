package dev.poolkeeper.adapters.rest.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.poolkeeper.application.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** {@code {"items": [...], "next_page_token": "..."}}; the token is absent on the last page. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageResponse<T>(
        List<T> items,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String next_page_token) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), PageTokens.encode(page.next()));
    }
}
