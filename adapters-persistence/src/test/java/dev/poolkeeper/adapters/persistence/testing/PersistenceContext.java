package dev.poolkeeper.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** A Micronaut context with the persistence adapters on a fresh database, migrated by Flyway. */
public final class PersistenceContext {
    private PersistenceContext() {
    }

    public static ApplicationContext start() {
        Map<String, Object> properties = TestDatabase.freshSchema().properties();
        return ApplicationContext.run(properties);
    }
}
