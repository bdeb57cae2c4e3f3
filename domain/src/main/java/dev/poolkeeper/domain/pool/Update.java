package dev.poolkeeper.domain.pool;

/**
 * One field of a JSON merge patch that was present: {@code value} is the new value, or {@code null}
 * to put the field back to its default. A field that is absent from the patch has no Update at all.
 */
public record Update<T>(T value) {
    public static <T> Update<T> to(T value) {
        return new Update<>(value);
    }

    public static <T> Update<T> reset() {
        return new Update<>(null);
    }

    public boolean isReset() {
        return value == null;
    }
}
