package dev.poolkeeper.adapters.providers;

import dev.poolkeeper.domain.pool.Update;

/** Reading a provider's echoed settings values into a pool patch: a value of the wrong type is left out. */
public final class Imports {
    private Imports() {
    }

    public static Update<Boolean> bool(Object value) {
        return value instanceof Boolean b ? Update.to(b) : null;
    }

    public static Update<Integer> weight(Object value) {
        return value instanceof Number n ? Update.to((int) Math.round(n.doubleValue())) : null;
    }
}
