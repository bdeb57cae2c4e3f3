package dev.poolkeeper.application.paging;

/** An item together with its keyset position, as repositories return list rows. */
public record Positioned<T>(long position, T item) {
}
